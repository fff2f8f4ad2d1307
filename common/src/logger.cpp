#include "logger.hpp"

namespace dossier {

std::shared_ptr<spdlog::logger> logger_or_silent(std::shared_ptr<spdlog::logger> injected) {
  if (injected) return injected;
  static auto silent = std::make_shared<spdlog::logger>("dossier-silent");
  return silent;
}

}  // namespace dossier
