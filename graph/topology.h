// Topology: the structure of a graph without its text — entity ids in index order and the
// relations as parallel arrays. It is what searches (paths, neighbourhoods, centrality) walk,
// and small enough (about 17 bytes a relation) for the store to keep as one blob, so that a
// graph of millions of relations answers a question without loading every entity, relation
// and evidence record as objects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph {

class Graph;

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

// The topology of a graph, entity and relation indices unchanged. Throws Error(kInput) when the
// schema has more than 255 relation types.
Topology TopologyOf(const Graph& graph);

}  // namespace relgraph
