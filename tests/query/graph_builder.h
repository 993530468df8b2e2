// Builds small typed graphs for query tests.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "graph/graph.h"
#include "importers/importers.h"

namespace relgraph::testing {

struct Edge {
  std::string source, target, type;
  double weight = 1.0;
};

inline Graph MakeGraph(const std::vector<std::string>& ids, const std::vector<Edge>& edges) {
  Graph graph(importers::DefaultSchema());
  for (const std::string& id : ids) graph.AddEntity(Entity{id, id, "company", {}, "", "", {}});
  for (const Edge& edge : edges) {
    Relation relation;
    relation.source = edge.source;
    relation.target = edge.target;
    relation.type = edge.type;
    relation.weight = edge.weight;
    graph.AddRelation(relation);
  }
  return graph;
}

// Undirected simple graph from pairs, each pair one partners_with relation (symmetric).
inline Graph MakeUndirected(int n, const std::vector<std::pair<int, int>>& pairs) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("v" + std::to_string(i));
  std::vector<Edge> edges;
  for (auto [a, b] : pairs) edges.push_back({ids[a], ids[b], "partners_with"});
  return MakeGraph(ids, edges);
}

}  // namespace relgraph::testing
