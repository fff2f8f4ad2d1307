#include <catch2/catch.hpp>

#include "article_codec.hpp"
#include "data_packing.hpp"
#include "schema.hpp"

#include <dossier/errors.hpp>

#include <map>
#include <string>
#include <vector>

using namespace dossier;

namespace {

// Short news items with what a folder's documents share: header keys, a
// source, dates and common words.
std::vector<std::string> news_payloads(std::size_t n, const std::string& source) {
  static const char* kWords[] = {"government", "minister", "said", "talks", "border", "ceasefire", "shelling",
                                 "report",     "officials", "on",  "the",   "week",   "forces",    "attack"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    Article a;
    a.id = a.path = "/reports/" + source + "/2024/item-" + std::to_string(i) + ".md";
    a.title = "Item " + std::to_string(i) + " on the border talks";
    a.source = source;
    a.date = "2024-06-" + std::to_string(10 + i % 20);
    a.format = "md";
    a.actors = {"North Korea", "Ukraine"};
    for (std::size_t w = 0; w < 150; ++w) {
      a.text += kWords[(i * 7 + w * 3 + w / 5) % 14];
      a.text += w % 17 == 16 ? ".\n" : " ";
    }
    out.push_back(encode_article(a));
  }
  return out;
}

DataUnpacker unpacker_of(const std::map<std::string, std::string>& metadata) {
  return DataUnpacker([metadata](const std::string& key) {
    auto it = metadata.find(key);
    return it == metadata.end() ? std::string() : it->second;
  });
}

}  // namespace

TEST_CASE("without a dictionary data is stored as it is") {
  DataPacker packer;
  CHECK_FALSE(packer.has_dictionary());
  std::string payload = news_payloads(1, "Wire").front();
  std::string data = packer.pack(payload);
  CHECK(data == payload);
  CHECK_FALSE(is_packed(data));
  CHECK(unpacker_of({}).unpack(data) == payload);
}

TEST_CASE("a dictionary learnt from a folder's documents packs them small and unpacks them exactly") {
  auto samples = news_payloads(200, "Wire");
  std::string dictionary = train_dictionary(samples);
  REQUIRE_FALSE(dictionary.empty());
  DataPacker packer(dictionary);
  REQUIRE(packer.has_dictionary());
  REQUIRE(packer.id() == dictionary_id(dictionary));
  REQUIRE(packer.id() != 0);

  auto unpacker = unpacker_of({{dictionary_key(packer.id()), dictionary}});
  std::size_t raw = 0, packed = 0;
  for (const auto& payload : news_payloads(50, "Wire")) {
    std::string data = packer.pack(payload);
    REQUIRE(is_packed(data));
    CHECK(unpacker.unpack(data) == payload);
    raw += payload.size();
    packed += data.size();
  }
  // Far smaller than the text: the shared words and header are in the dictionary.
  CHECK(packed * 4 < raw);

  // Anything at all survives the round trip, empty and binary included.
  for (std::string odd : {std::string(), std::string("\x01", 1), std::string("\0\xff\x01{", 4), std::string(100000, 'x')}) {
    std::string data = packer.pack(odd);
    CHECK(unpacker.unpack(data) == odd);
  }
}

TEST_CASE("documents packed with different dictionaries unpack through one unpacker") {
  // Indexes written apart and searched together each have their own.
  std::string a = train_dictionary(news_payloads(200, "Wire"));
  std::string b = train_dictionary(news_payloads(200, "Gazette"));
  REQUIRE_FALSE(a.empty());
  REQUIRE_FALSE(b.empty());
  DataPacker pa(a), pb(b);
  REQUIRE(pa.id() != pb.id());
  std::map<std::string, std::string> metadata{{dictionary_key(pa.id()), a}, {dictionary_key(pb.id()), b}};
  int fetches = 0;
  DataUnpacker unpacker([&](const std::string& key) {
    ++fetches;
    return metadata.count(key) ? metadata.at(key) : std::string();
  });
  std::string wire = news_payloads(1, "Wire").front(), gazette = news_payloads(1, "Gazette").front();
  for (int round = 0; round < 3; ++round) {
    CHECK(unpacker.unpack(pa.pack(wire)) == wire);
    CHECK(unpacker.unpack(pb.pack(gazette)) == gazette);
  }
  CHECK(fetches == 2);  // each dictionary fetched once
}

TEST_CASE("packed data whose dictionary is missing or which is damaged is an error, not a crash") {
  std::string dictionary = train_dictionary(news_payloads(200, "Wire"));
  REQUIRE_FALSE(dictionary.empty());
  DataPacker packer(dictionary);
  std::string data = packer.pack(news_payloads(1, "Wire").front());

  auto none = unpacker_of({});
  CHECK_THROWS_WITH(none.unpack(data), Catch::Contains("dictionary"));
  // A dictionary under the key that is not the one named.
  std::string other = train_dictionary(news_payloads(200, "Gazette"));
  auto wrong = unpacker_of({{dictionary_key(packer.id()), other}});
  CHECK_THROWS_AS(wrong.unpack(data), DatabaseError);

  auto right = unpacker_of({{dictionary_key(packer.id()), dictionary}});
  CHECK_THROWS_AS(right.unpack(data.substr(0, data.size() / 2)), DatabaseError);
  CHECK_THROWS_AS(right.unpack(std::string("\x01", 1)), DatabaseError);
  CHECK_THROWS_AS(right.unpack(std::string("\x01garbage that is no zstd frame")), DatabaseError);
}

TEST_CASE("too few or too small samples teach no dictionary") {
  CHECK(train_dictionary({}).empty());
  CHECK(train_dictionary(news_payloads(3, "Wire")).empty());
  CHECK(train_dictionary(std::vector<std::string>(100, "tiny")).empty());
  CHECK_THROWS_AS(DataPacker("not a dictionary"), DatabaseError);
}

TEST_CASE("a document keeps its payload packed in its value slot, or as its data without a dictionary") {
  std::string dictionary = train_dictionary(news_payloads(200, "Wire"));
  REQUIRE_FALSE(dictionary.empty());
  DataPacker packer(dictionary);
  auto unpacker = unpacker_of({{dictionary_key(packer.id()), dictionary}});
  const unsigned slot = *schema::spec(schema::Field::packed_data).slot;
  std::string payload = news_payloads(1, "Wire").front();

  Xapian::Document doc;
  store_payload(doc, payload, packer);
  CHECK(doc.get_data().empty());  // Xapian would deflate the packed bytes again
  CHECK(is_packed(doc.get_value(slot)));
  CHECK(unpacker.payload(doc) == payload);

  // Rewritten without a dictionary: no stale packed value is left to win.
  store_payload(doc, "{}\nnew text", DataPacker());
  CHECK(doc.get_value(slot).empty());
  CHECK(doc.get_data() == "{}\nnew text");
  CHECK(unpacker.payload(doc) == "{}\nnew text");
}
