// Compiled at configure time to learn whether clang++ can build libFuzzer harnesses.
#include <cstddef>
#include <cstdint>
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *, size_t)
{
    return 0;
}
