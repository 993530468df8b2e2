// Topology: the structure of a graph without its text — entity ids in index order and the
// relations as parallel arrays. It is what searches (paths, neighbourhoods, centrality) walk,
// and small enough for the store to keep as one blob (its graph image, 5-13 bytes a relation),
// so that a graph of millions of relations answers a question without loading every entity,
// relation and evidence record as objects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/raw_vector.h"

namespace relgraph {

class Graph;
class Schema;

struct Topology {
  std::vector<std::string> entity_ids;  // entity index -> id
  // Relation r goes from entity source[r] to target[r]; type[r] is the position of its type in
  // the schema's relation types; weight[r] is finite and > 0.
  std::vector<uint32_t> source, target;
  std::vector<uint8_t> type;
  std::vector<double> weight;

  size_t relation_count() const { return source.size(); }
  // Index of an entity id by binary search. Requires entity_ids in ascending byte order, as the
  // store keeps them (and as Graph objects loaded from a store have them).
  std::optional<uint32_t> FindSortedEntity(std::string_view id) const;
};

// For each relation type code (position in the schema), the rank of its name among the
// schema's type names: a store's relations come in key order, so by (source, rank, target).
std::vector<uint32_t> TypeRanks(const Schema& schema);

// What a write adds to a stored graph's structure.
struct TopologyChange {
  std::vector<std::string> entity_ids;  // any order; ids already there are ignored
  struct Relation {
    std::string source, target;  // entity ids, in the relation's key order
    uint8_t type = 0;            // position in the schema
    double weight = 1;
  };
  // Added, or only their weight set when their key is there; a later entry for the same key
  // wins.
  std::vector<Relation> relations;
};

// Applies a change to the topology of a store's graph (entity ids ascending, relations in key
// order) and keeps that order. Relations whose ends are not entities are left out, as the
// store leaves dangling relations out of its images. O(size + change log change).
void ApplyChange(Topology* topology, const TopologyChange& change, const Schema& schema);

// The topology of a graph, entity and relation indices unchanged. Throws Error(kInput) when the
// schema has more than 255 relation types.
Topology TopologyOf(const Graph& graph);

}  // namespace relgraph

namespace relgraph {

// A store's topology in the order the engine reads it (query::Csr), as its graph image keeps
// it: relations grouped by source entity, in key order, so relation r of Topology is relation r
// here too. The relations of entity u are positions [out_offsets[u], out_offsets[u+1]).
struct GroupedTopology {
  // Arrays as RawVector (common/raw_vector.h): filled whole right after sizing, on huge pages.
  std::vector<std::string> entity_ids;  // entity index -> id, ascending
  RawVector<uint32_t> out_offsets;      // n + 1 entries, out_offsets[n] = relation count
  RawVector<uint32_t> target;
  RawVector<uint8_t> type;   // position of the relation's type in the schema
  RawVector<double> weight;  // empty when every weight is 1 (the default), else one per relation
  // Or the weights as the image codes them (store::ReadGroupedImage only; weight is then
  // empty): the weight of relation r is weight_table[weight_code[r]].
  std::vector<double> weight_table;
  RawVector<uint16_t> weight_code;
  // Likewise the ids may be kept in one arena (entity_ids is then empty): the id of entity i is
  // id_bytes[id_offsets[i], id_offsets[i + 1]).
  RawVector<uint32_t> id_offsets;
  RawVector<char> id_bytes;

  size_t entity_count() const { return id_offsets.empty() ? entity_ids.size() : id_offsets.size() - 1; }

  size_t relation_count() const { return target.size(); }
};

}  // namespace relgraph
