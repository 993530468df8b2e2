// RawVector: a std::vector whose elements are left default-initialised (not zeroed) on resize,
// and whose large buffers (>= HugePagesFrom()) are 2 MiB aligned and advised as transparent huge
// pages. For the big arrays of the engine (query/csr.h) and of the store's graph image
// (graph/topology.h GroupedTopology), which are written whole right after they are sized.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace relgraph {

// Memory for large arrays: 2 MiB aligned, rounded up to whole 2 MiB (kLargeBytes) and advised
// as transparent huge pages (madvise), so that filling a CSR of millions of arcs takes a few
// hundred page faults rather than tens of thousands. FreeLarge takes what AllocateLarge gave
// (it is std::free).
constexpr size_t kLargeBytes = size_t{2} << 20;
void* AllocateLarge(size_t bytes);
void FreeLarge(void* memory) noexcept;

// Arrays of HugePagesFrom() bytes or more come from AllocateLarge. By default whole huge pages
// only (kLargeBytes): no array holds a huge page it half uses, which keeps a long-lived process
// small. A fault costs about 12 us on the virtual machines we measure on (a fresh 4 KiB page:
// 3 ms a MiB; a fresh huge page: about 0.1 ms a MiB), so a short-lived process that reads a
// large graph cold (the CLI, SetHugePagesFrom in main) puts arrays from a quarter of a huge
// page up on one: a 400 KB array of the offsets of 100k nodes then costs one fault instead of
// a hundred, for up to 1.75 MiB of resident memory it does not use. Thread-safe; may change at
// any time (every block is freed with std::free, whichever way it came).
inline std::atomic<size_t> huge_pages_from{kLargeBytes};
inline size_t HugePagesFrom() { return huge_pages_from.load(std::memory_order_relaxed); }
inline void SetHugePagesFrom(size_t bytes) { huge_pages_from.store(bytes, std::memory_order_relaxed); }

// std::allocator-like allocator that leaves elements default-initialised (not zeroed) on
// resize: arrays that are written whole right after they are sized (the CSR's) skip a pass of
// memset and its page faults. Large arrays (HugePagesFrom()) come from AllocateLarge, the others
// from std::malloc.
template <typename T>
struct UninitializedAllocator {
  static_assert(alignof(T) <= alignof(std::max_align_t), "std::malloc's alignment");
  using value_type = T;
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  T* allocate(size_t count) {
    const size_t bytes = count * sizeof(T);
    if (bytes >= HugePagesFrom()) return static_cast<T*>(AllocateLarge(bytes));
    void* memory = std::malloc(bytes == 0 ? 1 : bytes);
    if (memory == nullptr) throw std::bad_alloc();
    return static_cast<T*>(memory);
  }
  void deallocate(T* at, size_t) noexcept { std::free(at); }
  template <typename U>
  void construct(U* at) noexcept {
    ::new (static_cast<void*>(at)) U;
  }
  template <typename U, typename... Args>
  void construct(U* at, Args&&... args) {
    ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
  }
  template <typename U>
  bool operator==(const UninitializedAllocator<U>&) const noexcept {
    return true;
  }
};
template <typename T>
using RawVector = std::vector<T, UninitializedAllocator<T>>;

}  // namespace relgraph
