#include <dossier/version.hpp>

namespace dossier {

const char* version() noexcept { return DOSSIER_VERSION_STRING; }

}  // namespace dossier
