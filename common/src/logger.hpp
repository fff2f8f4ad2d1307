#pragma once
// The libraries log only through a logger the embedding program injects.

#include <spdlog/logger.h>

#include <memory>

namespace dossier {

// `injected`, or a logger with no sinks when none was given (silent, never stdout).
std::shared_ptr<spdlog::logger> logger_or_silent(std::shared_ptr<spdlog::logger> injected);

}  // namespace dossier
