#include "graph/topology.h"

#include <algorithm>

#include "common/error.h"
#include "graph/graph.h"

namespace relgraph {

std::optional<uint32_t> Topology::FindSortedEntity(std::string_view id) const {
  auto it = std::lower_bound(entity_ids.begin(), entity_ids.end(), id,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  if (it == entity_ids.end() || *it != id) return std::nullopt;
  return static_cast<uint32_t>(it - entity_ids.begin());
}

Topology TopologyOf(const Graph& graph) {
  const auto& types = graph.schema().relation_types();
  if (types.size() > 255) {
    throw Error(ErrorKind::kInput, "at most 255 relation types are supported, the schema has " + std::to_string(types.size()));
  }
  Topology topology;
  topology.entity_ids.reserve(graph.entities().size());
  for (const Entity& entity : graph.entities()) topology.entity_ids.push_back(entity.id);
  const auto& relations = graph.relations();
  topology.source.resize(relations.size());
  topology.target.resize(relations.size());
  topology.type.resize(relations.size());
  topology.weight.resize(relations.size());
  for (RelationIndex r = 0; r < relations.size(); ++r) {
    const Relation& relation = relations[r];
    topology.source[r] = *graph.FindEntity(relation.source);
    topology.target[r] = *graph.FindEntity(relation.target);
    std::optional<size_t> type = graph.schema().RelationPosition(relation.type);
    if (!type) throw Error(ErrorKind::kInternal, "relation type not in the schema: " + relation.type);
    topology.type[r] = static_cast<uint8_t>(*type);
    topology.weight[r] = relation.weight;
  }
  return topology;
}

}  // namespace relgraph
