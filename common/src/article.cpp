// The public part of the document model: compiled into dossier_common, so the
// shared library exports it while the codecs beside it stay internal.
#include <dossier/article.hpp>

namespace dossier {

const char* to_string(FieldOrigin origin) noexcept {
  switch (origin) {
    case FieldOrigin::declared: return "declared";
    case FieldOrigin::text: return "text";
    case FieldOrigin::path: return "path";
    case FieldOrigin::file_time: return "file_time";
    case FieldOrigin::run: return "run";
    case FieldOrigin::none: break;
  }
  return "none";
}

}  // namespace dossier
