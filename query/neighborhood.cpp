#include "query/query.h"

#include <algorithm>
#include <set>

namespace relgraph::query {

std::vector<Reached> Neighborhood(const Csr& view, EntityIndex center, int depth, const ViewFilter& filter) {
  std::vector<int> distance(view.node_count(), -1);
  distance[center] = 0;
  std::vector<Reached> reached;
  std::vector<EntityIndex> frontier = {center}, next;
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    next.clear();
    for (EntityIndex from : frontier) {
      view.ForEachSuccessor(from, filter, [&](uint32_t to, double, RelationIndex relation) {
        if (distance[to] >= 0) return;
        distance[to] = level;
        reached.push_back({to, level, from, relation});
        next.push_back(to);
      });
    }
    frontier.swap(next);
  }
  std::stable_sort(reached.begin(), reached.end(), [](const Reached& a, const Reached& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.entity < b.entity;
  });
  return reached;
}

std::vector<SharedNeighbor> CommonNeighbors(const Csr& view, EntityIndex a, EntityIndex b, const ViewFilter& filter) {
  // Neighbours are walked towards a and b: a relation X -> A is "X reaches A".
  std::vector<uint8_t> near_a(view.node_count(), 0);
  view.ForEachPredecessor(a, filter, [&](uint32_t x, double, RelationIndex) { near_a[x] = 1; });
  std::vector<SharedNeighbor> shared;
  view.ForEachPredecessor(b, filter, [&](uint32_t x, double, RelationIndex) {
    if (!near_a[x] || x == a || x == b) return;
    shared.push_back({x, view.RelationsBetween(x, a, filter), view.RelationsBetween(x, b, filter)});
  });
  return shared;
}

Graph InducedSubgraph(const Graph& graph, const std::vector<bool>& keep_entity, uint64_t type_mask) {
  Graph out(graph.schema());
  for (EntityIndex index = 0; index < graph.entities().size(); ++index) {
    if (keep_entity[index]) out.AddEntity(graph.entities()[index]);
  }
  std::set<std::string> cited;  // documents are kept in the graph's order
  for (const Relation& relation : graph.relations()) {
    if (!((type_mask >> graph.schema().RelationPosition(relation.type).value_or(0)) & 1)) continue;
    if (!out.FindEntity(relation.source) || !out.FindEntity(relation.target)) continue;
    for (const Evidence& evidence : relation.evidence) cited.insert(evidence.document);
    out.AddRelation(relation);
  }
  for (const Document& document : graph.documents()) {
    if (cited.count(document.id)) out.PutDocument(document);
  }
  return out;
}

}  // namespace relgraph::query
