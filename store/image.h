// The graph image: a version's structure as bytes, kept by the store in one BLOB per version so
// that reads of a large graph start without loading every row, and laid out the way the engine
// (query::Csr) reads it, so that a cold read is one pass over the bytes without any sorting.
// Private to store/.
//
// Layout, little-endian (native byte order, checked on decoding), n entities, m relations:
//   "RGTOPO02"  u32 0x01020304  u32 n  u32 m  u32 t  u32 flags (bit 0: weights, bit 1: weight codes)
//   t relation type names, each u32 length + bytes (the image's type codes index this list;
//     decoding maps them to the reader's schema by name, so the vocabulary may grow)
//   u32 id_offsets[n+1], id bytes           entity ids, ascending
//   u32 out_offsets[n+1]                    relations of entity u: [out_offsets[u], out_offsets[u+1])
//   u32 target[m], u8 type[m]               relations in key order (so grouped by source)
//   f64 weight[m]                           only with flag bit 0
//   u32 k, f64 table[k], u16 code[m]        only with flag bit 1: weight of r = table[code[r]]
//                                           (when at most 65536 distinct weights make it smaller)
//   without either bit every weight is 1.
// About 5 bytes per relation when weights are the default, 7 with few distinct weights (CSV
// weights of two decimals), 13 otherwise.
//
// Images written before (format "RGTOPO01": u32 n m t, type names, ids as above, then u32
// source[m], u32 target[m], u8 type[m], zero padding to 8, f64 weight[m]) are still read. A
// topology whose relations are not grouped by source (never one a store keeps) is written in
// that older format.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "graph/graph.h"
#include "graph/topology.h"

namespace relgraph::store {

std::string EncodeImage(const Topology& topology, const Schema& schema);

// Both throw Error(kStorage) "damaged graph image: ..." when the bytes are not a consistent
// image (sizes, ids out of range or out of order, unknown types, weights that are not > 0).
// O(size of the image).
Topology DecodeImage(std::string_view bytes, const Schema& schema);
// The same image as the engine reads it. An image in the older format, or one whose relations
// are not grouped by source, is refused as damaged only in the second case.
GroupedTopology DecodeGroupedImage(std::string_view bytes, const Schema& schema);

// The grouped image of `size` bytes read through `read(offset, count, to)`, which copies
// `count` bytes from `offset` into `to` (an incremental BLOB handle of the store): each array is
// read straight into its place, never a copy of the whole image first; coded weights stay
// coded (GroupedTopology::weight_table and weight_code) and ids in one arena (id_offsets and
// id_bytes; entity_ids is left empty). `read` reports its own failures by
// throwing. Refuses damage as DecodeGroupedImage does.
using ImageSource = std::function<void(size_t offset, size_t count, void* to)>;
GroupedTopology ReadGroupedImage(size_t size, const ImageSource& read, const Schema& schema);

// Whether an image (of either format) says exactly what `topology` says: what `check` asks of
// every stored image. O(size of the image).
bool ImageMatches(std::string_view bytes, const Topology& topology, const Schema& schema);

// Conversions between the two forms; relation indices are kept. Grouping throws Error(kStorage)
// "damaged graph image: ..." when the relations are not grouped by source.
GroupedTopology GroupBySource(Topology&& topology);
Topology Ungroup(GroupedTopology&& grouped);

}  // namespace relgraph::store
