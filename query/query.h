// Questions asked of a graph: neighbourhoods (this file), paths and centrality (issue #4).
// Algorithms read a Graph and return our own types; no graph library shows here.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "graph/graph.h"

namespace relgraph::query {

// Which way relations may be walked. A symmetric relation is walked both ways in every mode.
enum class Direction { kOut, kIn, kBoth };

// Which relations a question uses: empty types means all.
struct RelationFilter {
  std::set<std::string> types;
  bool Accepts(const std::string& type) const { return types.empty() || types.count(type) > 0; }
};

struct Reached {
  EntityIndex entity;
  int distance;        // hops from the centre, >= 1
  EntityIndex parent;  // the entity it was first reached from
  RelationIndex via;   // a relation from parent to it
};

// Entities within `depth` hops of `center` (breadth-first), the centre itself excluded, in
// order of distance, then of index. Self-loops and parallel relations reach nothing new.
// O(entities + relations) time and memory.
std::vector<Reached> Neighborhood(const Graph& graph, EntityIndex center, int depth, Direction direction,
                                  const RelationFilter& filter);

}  // namespace relgraph::query

namespace relgraph::query {

// The graph restricted to the kept entities and the relations among them that pass the
// filter, with the documents their evidence cites. Entity and relation order is preserved.
Graph InducedSubgraph(const Graph& graph, const std::vector<bool>& keep_entity, const RelationFilter& filter);

}  // namespace relgraph::query
