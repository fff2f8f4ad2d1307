// The libFuzzer entry point of one target; DOSSIER_FUZZ_TARGET names its function.

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dossier::fuzz::DOSSIER_FUZZ_TARGET(data, size);
}
