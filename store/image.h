// The graph image: a Topology (graph/topology.h) as bytes, kept by the store in one BLOB per
// version so that reads of a large graph start without loading every row. Private to store/.
//
// Layout, little-endian (native byte order, checked on decoding), n entities, m relations:
//   "RGTOPO01"  u32 0x01020304  u32 n  u32 m  u32 t
//   t relation type names, each u32 length + bytes (the image's type codes index this list;
//     decoding maps them to the reader's schema by name, so the vocabulary may grow)
//   u32 id_offsets[n+1], id bytes           entity ids, ascending
//   u32 source[m], u32 target[m], u8 type[m], zero padding to 8, f64 weight[m]
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "graph/topology.h"

namespace relgraph::store {

std::string EncodeImage(const Topology& topology, const Schema& schema);

// Throws Error(kStorage) "damaged graph image: ..." when the bytes are not a consistent image
// (sizes, ids out of range or out of order, unknown types, weights that are not > 0).
Topology DecodeImage(std::string_view bytes, const Schema& schema);

}  // namespace relgraph::store
