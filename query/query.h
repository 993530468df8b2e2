// Questions asked of a graph that are not paths or centrality (see paths.h, centrality.h):
// neighbourhoods, shared neighbours, and subgraphs for export. All walk a Csr.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "query/csr.h"

namespace relgraph::query {

struct Reached {
  EntityIndex entity;
  int distance;        // hops from the centre, >= 1
  EntityIndex parent;  // the entity it was first reached from
  RelationIndex via;   // a relation between parent and it
};

// Entities within `depth` hops of `center` (breadth-first), the centre itself excluded, in
// order of distance, then of index. Direction kOut follows arrows, kIn walks against them,
// kBoth ignores them; symmetric relations are walked both ways. O(entities + relations).
std::vector<Reached> Neighborhood(const Csr& view, EntityIndex center, int depth, const ViewFilter& filter);

struct SharedNeighbor {
  EntityIndex entity;
  std::vector<std::pair<RelationIndex, bool>> with_a;  // relations between it and A (bool: points to A)
  std::vector<std::pair<RelationIndex, bool>> with_b;
};

// Entities X one hop from both a and b (a and b themselves excluded), in index order, with
// every relation that links X to a and to b. The filter's direction is that of walking from X
// to a (or b): kOut keeps relations X -> a (shared backers, investors, partners), kIn keeps
// a -> X (shared investments, products), kBoth any; symmetric relations always count.
std::vector<SharedNeighbor> CommonNeighbors(const Csr& view, EntityIndex a, EntityIndex b, const ViewFilter& filter);

// The graph restricted to the kept entities and the relations among them that the type mask
// keeps (bit c: the schema's relation type at position c), with the documents their evidence
// cites. Entity, relation and document order is preserved.
Graph InducedSubgraph(const Graph& graph, const std::vector<bool>& keep_entity, uint64_t type_mask);

}  // namespace relgraph::query
