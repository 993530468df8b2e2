// RawVector: a std::vector whose elements are left default-initialised (not zeroed) on resize,
// and whose large buffers (>= kHugeFromBytes) are 2 MiB aligned and advised as transparent huge
// pages. For the big arrays of the engine (query/csr.h) and of the store's graph image
// (graph/topology.h GroupedTopology), which are written whole right after they are sized.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace relgraph {

// Memory for large arrays (>= kHugeFromBytes): 2 MiB aligned, rounded up to whole 2 MiB
// (kLargeBytes) and advised as transparent huge pages (madvise), so that filling a CSR of
// millions of arcs takes a few hundred page faults rather than tens of thousands. A fault costs
// about 12 us on the virtual machines we measure on (a fresh 4 KiB page: 3 ms a MiB; a fresh
// huge page: 0.1 ms a MiB), so arrays from a quarter of a huge page up take one: a 400 KB
// array of offsets of 100k nodes costs one fault instead of a hundred, for at most 2 MiB of
// address space (touched memory only counts once touched). FreeLarge takes what AllocateLarge
// gave.
constexpr size_t kLargeBytes = size_t{2} << 20;
constexpr size_t kHugeFromBytes = size_t{256} << 10;
void* AllocateLarge(size_t bytes);
void FreeLarge(void* memory) noexcept;

// std::allocator that leaves elements default-initialised (not zeroed) on resize: arrays that are
// written whole right after they are sized (the CSR's) skip a pass of memset and its page faults.
// Arrays of kHugeFromBytes or more come from AllocateLarge.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  T* allocate(size_t count) {
    if (count * sizeof(T) >= kHugeFromBytes) return static_cast<T*>(AllocateLarge(count * sizeof(T)));
    return std::allocator<T>::allocate(count);
  }
  void deallocate(T* at, size_t count) noexcept {
    if (count * sizeof(T) >= kHugeFromBytes) return FreeLarge(at);
    std::allocator<T>::deallocate(at, count);
  }
  template <typename U>
  void construct(U* at) noexcept {
    ::new (static_cast<void*>(at)) U;
  }
  template <typename U, typename... Args>
  void construct(U* at, Args&&... args) {
    ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
  }
};
template <typename T>
using RawVector = std::vector<T, UninitializedAllocator<T>>;

}  // namespace relgraph
