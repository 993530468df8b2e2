#include "graph/topology.h"

#include <algorithm>
#include <tuple>

#include "common/error.h"
#include "graph/graph.h"

namespace relgraph {

std::optional<uint32_t> Topology::FindSortedEntity(std::string_view id) const {
  auto it = std::lower_bound(entity_ids.begin(), entity_ids.end(), id,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  if (it == entity_ids.end() || *it != id) return std::nullopt;
  return static_cast<uint32_t>(it - entity_ids.begin());
}

std::vector<uint32_t> TypeRanks(const Schema& schema) {
  const auto& types = schema.relation_types();
  std::vector<uint32_t> by_name(types.size());
  for (uint32_t code = 0; code < types.size(); ++code) by_name[code] = code;
  std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) { return types[a].name < types[b].name; });
  std::vector<uint32_t> rank_of_code(types.size());
  for (uint32_t rank = 0; rank < by_name.size(); ++rank) rank_of_code[by_name[rank]] = rank;
  return rank_of_code;
}

void ApplyChange(Topology* topology, const TopologyChange& change, const Schema& schema) {
  Topology& t = *topology;
  // New entity ids go in their sorted places; the relations' ends are renumbered.
  std::vector<std::string> added;
  for (const std::string& id : change.entity_ids) {
    if (!t.FindSortedEntity(id)) added.push_back(id);
  }
  std::sort(added.begin(), added.end());
  added.erase(std::unique(added.begin(), added.end()), added.end());
  if (!added.empty()) {
    std::vector<std::string> ids;
    ids.reserve(t.entity_ids.size() + added.size());
    std::vector<uint32_t> renumbered(t.entity_ids.size());
    size_t next_added = 0;
    for (size_t old = 0; old < t.entity_ids.size(); ++old) {
      while (next_added < added.size() && added[next_added] < t.entity_ids[old]) ids.push_back(std::move(added[next_added++]));
      renumbered[old] = static_cast<uint32_t>(ids.size());
      ids.push_back(std::move(t.entity_ids[old]));
    }
    while (next_added < added.size()) ids.push_back(std::move(added[next_added++]));
    t.entity_ids = std::move(ids);
    for (uint32_t& end : t.source) end = renumbered[end];
    for (uint32_t& end : t.target) end = renumbered[end];
  }

  // Relations: a known key gets its weight; new keys are sorted and merged in.
  std::vector<uint32_t> rank = TypeRanks(schema);
  using Key = std::tuple<uint32_t, uint32_t, uint32_t>;  // source, type rank, target
  auto key_at = [&](size_t r) { return Key{t.source[r], rank[t.type[r]], t.target[r]}; };
  struct Row {
    Key key;
    uint32_t source, target;
    uint8_t type;
    double weight;
    size_t order;  // position in the change: the later entry for a key wins
  };
  std::vector<Row> rows;
  for (size_t i = 0; i < change.relations.size(); ++i) {
    const TopologyChange::Relation& relation = change.relations[i];
    std::optional<uint32_t> source = t.FindSortedEntity(relation.source);
    std::optional<uint32_t> target = t.FindSortedEntity(relation.target);
    if (!source || !target || relation.type >= rank.size()) continue;
    Key key{*source, rank[relation.type], *target};
    size_t low = 0, high = t.relation_count();
    while (low < high) {
      size_t middle = (low + high) / 2;
      if (key_at(middle) < key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low < t.relation_count() && key_at(low) == key) {
      t.weight[low] = relation.weight;
    } else {
      rows.push_back({key, *source, *target, relation.type, relation.weight, i});
    }
  }
  if (rows.empty()) return;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return std::tie(a.key, a.order) < std::tie(b.key, b.order); });
  // Of several entries for one new key, the last.
  std::vector<Row> latest;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i + 1 < rows.size() && rows[i + 1].key == rows[i].key) continue;
    latest.push_back(rows[i]);
  }
  Topology merged;
  merged.entity_ids = std::move(t.entity_ids);
  size_t total = t.relation_count() + latest.size();
  merged.source.reserve(total);
  merged.target.reserve(total);
  merged.type.reserve(total);
  merged.weight.reserve(total);
  size_t old = 0;
  auto take_old = [&] {
    merged.source.push_back(t.source[old]);
    merged.target.push_back(t.target[old]);
    merged.type.push_back(t.type[old]);
    merged.weight.push_back(t.weight[old]);
    ++old;
  };
  for (const Row& row : latest) {
    while (old < t.relation_count() && key_at(old) < row.key) take_old();
    merged.source.push_back(row.source);
    merged.target.push_back(row.target);
    merged.type.push_back(row.type);
    merged.weight.push_back(row.weight);
  }
  while (old < t.relation_count()) take_old();
  t = std::move(merged);
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
