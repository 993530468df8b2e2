// IndexTable: a hash index over the dense indices of an array whose elements carry their own
// keys (entities by id, relations by key, documents by id). Unlike an
// std::unordered_map<std::string, index> it keeps no copy of the keys and allocates no node
// per element: a slot is 8 bytes in one array (open addressing, linear probing, at most half
// full), so finding one of a million keys costs about one cache miss and one key compare.
// Elements are never removed, as in Graph. Private to graph/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace relgraph {

class IndexTable {
 public:
  // The index whose key has this hash and for which equals(index) holds.
  template <typename Equals>
  std::optional<uint32_t> Find(size_t hash, Equals&& equals) const {
    if (slots_.empty()) return std::nullopt;
    uint32_t short_hash = Shorten(hash);
    for (size_t at = short_hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.index == kEmpty) return std::nullopt;
      if (slot.hash == short_hash && equals(slot.index)) return slot.index;
    }
  }

  // Adds an index whose key (of this hash) is not in the table yet.
  void Insert(size_t hash, uint32_t index) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place({index, Shorten(hash)});
    ++size_;
  }

  void Reserve(size_t count) {
    // Straight to the final size: doubling up to it would fill every smaller table on the way.
    size_t capacity = slots_.empty() ? 16 : slots_.size();
    while (2 * count > capacity) capacity *= 2;
    if (capacity > slots_.size()) Grow(capacity);
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t index = kEmpty;
    uint32_t hash = 0;  // the key's hash folded to 32 bits: places the slot again on growth and
                        // rejects most mismatches without comparing keys
  };
  static uint32_t Shorten(size_t hash) { return static_cast<uint32_t>(hash ^ (hash >> 32)); }

  void Place(Slot slot) {
    size_t at = slot.hash & mask_;
    while (slots_[at].index != kEmpty) at = (at + 1) & mask_;
    slots_[at] = slot;
  }

  void Grow() { Grow(slots_.empty() ? 16 : slots_.size() * 2); }
  void Grow(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& slot : old) {
      if (slot.index != kEmpty) Place(slot);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace relgraph
