// RawVector: a std::vector whose elements are left default-initialised (not zeroed) on resize,
// and whose large buffers (>= kLargeBytes) are 2 MiB aligned and advised as transparent huge
// pages. For the big arrays of the engine (query/csr.h) and of the store's graph image
// (graph/topology.h GroupedTopology), which are written whole right after they are sized.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace relgraph {

// Memory for large arrays (>= kLargeBytes): 2 MiB aligned and advised as transparent huge pages
// (madvise), so that filling a CSR of millions of arcs takes a few hundred page faults rather
// than tens of thousands (a fault costs microseconds on a virtual machine; a cold CLI question
// used to spend a third of its time in them). FreeLarge takes what AllocateLarge gave.
constexpr size_t kLargeBytes = size_t{2} << 20;
void* AllocateLarge(size_t bytes);
void FreeLarge(void* memory) noexcept;

// std::allocator that leaves elements default-initialised (not zeroed) on resize: arrays that are
// written whole right after they are sized (the CSR's) skip a pass of memset and its page faults.
// Large arrays come from AllocateLarge.
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
    if (count * sizeof(T) >= kLargeBytes) return static_cast<T*>(AllocateLarge(count * sizeof(T)));
    return std::allocator<T>::allocate(count);
  }
  void deallocate(T* at, size_t count) noexcept {
    if (count * sizeof(T) >= kLargeBytes) return FreeLarge(at);
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
