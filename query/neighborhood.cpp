#include <algorithm>

#include "query/query.h"

namespace relgraph::query {

std::vector<Reached> Neighborhood(const Graph& graph, EntityIndex center, int depth, Direction direction,
                                  const RelationFilter& filter) {
  const Schema& schema = graph.schema();
  std::vector<int> distance(graph.entities().size(), -1);
  distance[center] = 0;
  std::vector<Reached> reached;
  std::vector<EntityIndex> frontier = {center};
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    std::vector<EntityIndex> next;
    for (EntityIndex from : frontier) {
      auto visit = [&](RelationIndex index, bool outgoing) {
        const Relation& relation = graph.relations()[index];
        if (!filter.Accepts(relation.type)) return;
        const RelationType* type = schema.FindRelation(relation.type);
        bool symmetric = type != nullptr && type->symmetric;
        if (!symmetric && direction == Direction::kOut && !outgoing) return;
        if (!symmetric && direction == Direction::kIn && outgoing) return;
        EntityIndex to = *graph.FindEntity(outgoing ? relation.target : relation.source);
        if (distance[to] >= 0) return;
        distance[to] = level;
        reached.push_back({to, level, from, index});
        next.push_back(to);
      };
      for (RelationIndex index : graph.OutRelations(from)) visit(index, true);
      for (RelationIndex index : graph.InRelations(from)) visit(index, false);
    }
    frontier = std::move(next);
  }
  std::stable_sort(reached.begin(), reached.end(), [](const Reached& a, const Reached& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.entity < b.entity;
  });
  return reached;
}

}  // namespace relgraph::query

namespace relgraph::query {

Graph InducedSubgraph(const Graph& graph, const std::vector<bool>& keep_entity, const RelationFilter& filter) {
  Graph out(graph.schema());
  for (EntityIndex index = 0; index < graph.entities().size(); ++index) {
    if (keep_entity[index]) out.AddEntity(graph.entities()[index]);
  }
  for (const Relation& relation : graph.relations()) {
    if (!filter.Accepts(relation.type) || !out.FindEntity(relation.source) || !out.FindEntity(relation.target)) continue;
    for (const Evidence& evidence : relation.evidence) {
      if (out.FindDocument(evidence.document) == nullptr) {
        if (const Document* document = graph.FindDocument(evidence.document)) out.PutDocument(*document);
      }
    }
    out.AddRelation(relation);
  }
  return out;
}

}  // namespace relgraph::query
