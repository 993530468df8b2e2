#include "common/raw_vector.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace relgraph {

void* AllocateLarge(size_t bytes) {
  size_t rounded = (bytes + kLargeBytes - 1) / kLargeBytes * kLargeBytes;
  void* memory = std::aligned_alloc(kLargeBytes, rounded);
  if (memory == nullptr) throw std::bad_alloc();
  madvise(memory, rounded, MADV_HUGEPAGE);  // advice only: without huge pages nothing changes
  return memory;
}

void FreeLarge(void* memory) noexcept { std::free(memory); }

}  // namespace relgraph
