// libFuzzer entry point; FUZZ_TARGET names the function of fuzz_targets.h to call.
#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return relgraph::fuzz::FUZZ_TARGET(data, size); }
