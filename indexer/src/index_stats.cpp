#include <dossier/errors.hpp>
#include <dossier/indexer.hpp>

#include "index_writer_errors.hpp"
#include "schema.hpp"

#include <xapian.h>

#include <algorithm>
#include <filesystem>

namespace dossier {

using schema::Field;

IndexStats read_index_stats(const std::string& path, std::size_t top_actors) {
  return translate_xapian_errors(path, [&] {
    Xapian::Database db(path);
    IndexStats stats;
    stats.documents = db.get_doccount();
    auto count_slot = [&db](Field field, std::map<std::string, std::size_t>& into) {
      unsigned slot = *schema::spec(field).slot;
      for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) ++into[*it];
    };
    count_slot(Field::format, stats.formats);
    count_slot(Field::source, stats.sources);

    const unsigned date_slot = *schema::spec(Field::date).slot;
    std::string lo = db.get_value_lower_bound(date_slot), hi = db.get_value_upper_bound(date_slot);
    auto iso = [](const std::string& d) {
      return d.size() == 8 ? d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) : std::string();
    };
    stats.first_date = iso(lo);
    stats.last_date = iso(hi);

    std::map<std::string, std::size_t> actors;
    const unsigned actor_slot = *schema::spec(Field::actors).slot;
    for (auto it = db.valuestream_begin(actor_slot); it != db.valuestream_end(actor_slot); ++it) {
      std::string packed = *it;
      std::size_t start = 0;
      while (start <= packed.size()) {
        std::size_t nl = packed.find('\n', start);
        if (nl == std::string::npos) nl = packed.size();
        if (nl > start) ++actors[packed.substr(start, nl - start)];
        start = nl + 1;
      }
    }
    stats.top_actors.assign(actors.begin(), actors.end());
    std::sort(stats.top_actors.begin(), stats.top_actors.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (stats.top_actors.size() > top_actors) stats.top_actors.resize(top_actors);

    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) stats.size_on_disk += it->file_size(ec);
    stats.last_run = db.get_metadata(std::string(schema::kLastRunKey));
    return stats;
  });
}

}  // namespace dossier
