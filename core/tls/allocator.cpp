#include "tls/allocator.h"

#include <cstdlib> // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ferry {
namespace {
/// Above the biggest buffer a transfer allocates (a 4 MiB Data body plus a socket's read
/// buffer), so those come from the heap and are reused.
constexpr int kMmapThreshold = 16 * 1024 * 1024;
/// Free memory kept at the heap's top before it is returned. Peak RSS still follows what is
/// in use at the peak: this only stops the shrink-and-grow between two reads.
constexpr int kTrimThreshold = 32 * 1024 * 1024;
} // namespace

void keepIoBuffersMapped()
{
#if defined(__GLIBC__)
    ::mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
    ::mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
#endif
}

} // namespace ferry
