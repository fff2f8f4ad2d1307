#include "article_header.hpp"

#include <nlohmann/json.hpp>

namespace dossier {

const HeaderValue& HeaderFields::at(std::string_view key) const {
  static const HeaderValue absent;
  for (std::size_t i = 0; i < kKeys.size(); ++i)
    if (kKeys[i] == key) return values_[i];
  return absent;
}

HeaderValue* HeaderFields::slot(std::string_view key) {
  for (std::size_t i = 0; i < kKeys.size(); ++i)
    if (kKeys[i] == key) return &values_[i];
  return nullptr;
}

namespace {

// Reads the subset of JSON the encoder writes. It must never accept what
// nlohmann rejects or read a value differently, so whenever it meets anything
// else (null, booleans, signed or fractional numbers, deeper nesting, a byte
// order mark) it gives up and the general parser decides. Strings follow
// nlohmann's lexer exactly: the same escapes, surrogate pairs only as pairs,
// no raw control characters, and only well-formed UTF-8 (RFC 3629).
class DirectReader {
  // Bytes a string holds as they are: not a quote, a backslash, a control
  // character or part of a multi-byte character. One test per byte.
  static constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
  }();

 public:
  explicit DirectReader(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool read(HeaderFields& out) {
    if (!eat('{')) return false;
    HeaderValue scratch;
    std::string key;
    if (!eat('}')) {
      do {
        skip_space();
        if (!string(key) || !eat(':')) return false;
        HeaderValue* slot = out.slot(key);
        if (!slot) slot = &scratch;
        *slot = HeaderValue();  // a repeated key keeps its last value
        if (!value(*slot)) return false;
      } while (eat(','));
      if (!eat('}')) return false;
    }
    skip_space();
    return p_ == end_;
  }

 private:
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool eat(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  unsigned char byte() const { return static_cast<unsigned char>(*p_); }

  bool value(HeaderValue& v) {
    skip_space();
    if (p_ == end_) return false;
    if (*p_ == '"') {
      v.type = HeaderValue::Type::string;
      return string(v.text);
    }
    if (*p_ == '[') {
      v.type = HeaderValue::Type::array;
      ++p_;
      if (eat(']')) return true;
      do {
        HeaderItem& item = v.items.emplace_back();
        skip_space();
        if (p_ != end_ && *p_ == '"') {
          item.type = HeaderItem::Type::string;
          if (!string(item.text)) return false;
        } else {
          item.type = HeaderItem::Type::unsigned_number;
          if (!unsigned_number(item.number)) return false;
        }
      } while (eat(','));
      return eat(']');
    }
    if (*p_ == '{') {
      v.type = HeaderValue::Type::object;
      ++p_;
      if (eat('}')) return true;
      do {
        HeaderItem& item = v.items.emplace_back();
        item.type = HeaderItem::Type::string;
        skip_space();
        if (!string(item.key) || !eat(':')) return false;
        skip_space();
        if (!string(item.text)) return false;
      } while (eat(','));
      return eat('}');
    }
    return false;
  }

  // Up to 19 digits always fit in 64 bits; longer ones, a sign, a fraction or an
  // exponent make nlohmann read another number type.
  bool unsigned_number(std::uint64_t& out) {
    const char* start = p_;
    out = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') out = out * 10 + static_cast<std::uint64_t>(*p_++ - '0');
    const std::ptrdiff_t digits = p_ - start;
    if (digits == 0 || digits > 19 || (*start == '0' && digits > 1)) return false;
    return p_ == end_ || (*p_ != '.' && *p_ != 'e' && *p_ != 'E');
  }

  // A string starting at the quote under the cursor.
  bool string(std::string& out) {
    out.clear();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    while (true) {
      const char* run = p_;
      while (p_ != end_ && kPlain[byte()]) ++p_;
      out.append(run, p_);
      if (p_ == end_) return false;
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (*p_ == '\\') {
        ++p_;
        if (!escape(out)) return false;
      } else if (byte() < 0x20) {
        return false;
      } else if (!utf8_sequence(out)) {
        return false;
      }
    }
  }

  bool escape(std::string& out) {
    if (p_ == end_) return false;
    switch (*p_++) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    std::uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(cp, out);
    return true;
  }

  bool hex4(std::uint32_t& cp) {
    if (end_ - p_ < 4) return false;
    for (int i = 0; i < 4; ++i) {
      char c = *p_++;
      std::uint32_t digit;
      if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
      cp = cp << 4 | digit;
    }
    return true;
  }

  static void append_utf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | cp >> 6);
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | cp >> 12);
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | cp >> 18);
      out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // One multi-byte character, kept as it is when well-formed.
  bool utf8_sequence(std::string& out) {
    const unsigned char lead = byte();
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    int length;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead == 0xE0) length = 3, lo = 0xA0;
    else if (lead == 0xED) length = 3, hi = 0x9F;
    else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
    else if (lead == 0xF0) length = 4, lo = 0x90;
    else if (lead == 0xF4) length = 4, hi = 0x8F;
    else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
    else return false;
    if (end_ - p_ < length) return false;
    for (int i = 1; i < length; ++i) {
      const auto b = static_cast<unsigned char>(p_[i]);
      if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return false;
    }
    out.append(p_, static_cast<std::size_t>(length));
    p_ += length;
    return true;
  }

  const char* p_;
  const char* end_;
};

HeaderItem item_from_json(const nlohmann::json& x) {
  HeaderItem item;
  if (x.is_string()) {
    item.type = HeaderItem::Type::string;
    item.text = x.get<std::string>();
  } else if (x.is_number_unsigned()) {
    item.type = HeaderItem::Type::unsigned_number;
    item.number = x.get<std::uint64_t>();
  }
  return item;
}

HeaderValue value_from_json(const nlohmann::json& j) {
  HeaderValue v;
  if (j.is_string()) {
    v.type = HeaderValue::Type::string;
    v.text = j.get<std::string>();
  } else if (j.is_array()) {
    v.type = HeaderValue::Type::array;
    for (const auto& x : j) v.items.push_back(item_from_json(x));
  } else if (j.is_object()) {
    v.type = HeaderValue::Type::object;
    for (const auto& [key, x] : j.items()) {
      v.items.push_back(item_from_json(x));
      v.items.back().key = key;
    }
  } else {
    v.type = HeaderValue::Type::other;
  }
  return v;
}

}  // namespace

std::optional<HeaderFields> read_header_directly(std::string_view header) {
  HeaderFields fields;
  if (!DirectReader(header).read(fields)) return std::nullopt;
  return fields;
}

std::optional<HeaderFields> read_header(std::string_view header) {
  if (auto fields = read_header_directly(header)) return fields;
  auto j = nlohmann::json::parse(header, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  HeaderFields fields;
  for (const auto& [key, value] : j.items())
    if (HeaderValue* slot = fields.slot(key)) *slot = value_from_json(value);
  return fields;
}

}  // namespace dossier
