#include "query/diff.h"

#include <algorithm>
#include <map>

namespace relgraph::query {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " | ") + item;
  return out;
}

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

void CompareProperties(const Properties& before, const Properties& after, std::vector<FieldChange>* changes) {
  std::map<std::string, std::pair<std::string, std::string>> both;
  for (const auto& [key, value] : before) both[key].first = value;
  for (const auto& [key, value] : after) both[key].second = value;
  for (const auto& [key, values] : both) {
    if (values.first != values.second) changes->push_back({"property:" + key, values.first, values.second});
  }
}

}  // namespace

GraphDiff Diff(const Graph& before, const Graph& after) {
  GraphDiff diff;
  for (const Entity& old_entity : before.entities()) {
    auto index = after.FindEntity(old_entity.id);
    if (!index) {
      diff.entities_removed.push_back({old_entity.id, old_entity.name, {}});
      continue;
    }
    const Entity& new_entity = after.entities()[*index];
    EntityDiff change{new_entity.id, new_entity.name, {}};
    auto field = [&](const char* name, const std::string& a, const std::string& b) {
      if (a != b) change.changes.push_back({name, a, b});
    };
    field("name", old_entity.name, new_entity.name);
    field("kind", old_entity.kind, new_entity.kind);
    field("aliases", Join(old_entity.aliases), Join(new_entity.aliases));
    field("country", old_entity.country, new_entity.country);
    field("description", old_entity.description, new_entity.description);
    CompareProperties(old_entity.properties, new_entity.properties, &change.changes);
    if (!change.changes.empty()) diff.entities_changed.push_back(std::move(change));
  }
  for (const Entity& new_entity : after.entities()) {
    if (!before.FindEntity(new_entity.id)) diff.entities_added.push_back({new_entity.id, new_entity.name, {}});
  }

  for (const Relation& old_relation : before.relations()) {
    RelationKey key = KeyOf(old_relation, before.schema());
    auto index = after.FindRelation(key);
    if (!index) {
      diff.relations_removed.push_back({key, {}, {}});
      continue;
    }
    const Relation& new_relation = after.relations()[*index];
    RelationDiff change{key, {}, {}};
    if (old_relation.weight != new_relation.weight) {
      change.changes.push_back({"weight", Number(old_relation.weight), Number(new_relation.weight)});
    }
    if (old_relation.date != new_relation.date) change.changes.push_back({"date", old_relation.date, new_relation.date});
    CompareProperties(old_relation.properties, new_relation.properties, &change.changes);
    size_t removed = 0;
    for (const Evidence& evidence : old_relation.evidence) {
      bool kept = std::any_of(new_relation.evidence.begin(), new_relation.evidence.end(),
                              [&](const Evidence& other) { return SameStatement(evidence, other); });
      removed += kept ? 0 : 1;
    }
    for (const Evidence& evidence : new_relation.evidence) {
      bool known = std::any_of(old_relation.evidence.begin(), old_relation.evidence.end(),
                               [&](const Evidence& other) { return SameStatement(evidence, other); });
      if (!known) change.evidence_added.push_back(evidence);
    }
    if (!change.evidence_added.empty() || removed > 0) {
      auto records = [](size_t count) { return std::to_string(count) + (count == 1 ? " record" : " records"); };
      change.changes.push_back({"evidence", records(old_relation.evidence.size()), records(new_relation.evidence.size())});
    }
    if (!change.changes.empty()) diff.relations_changed.push_back(std::move(change));
  }
  for (const Relation& new_relation : after.relations()) {
    RelationKey key = KeyOf(new_relation, after.schema());
    if (!before.FindRelation(key)) diff.relations_added.push_back({key, {}, new_relation.evidence});
  }
  auto by_id = [](const EntityDiff& a, const EntityDiff& b) { return a.id < b.id; };
  auto by_key = [](const RelationDiff& a, const RelationDiff& b) { return a.key < b.key; };
  for (auto* list : {&diff.entities_added, &diff.entities_removed, &diff.entities_changed}) std::sort(list->begin(), list->end(), by_id);
  for (auto* list : {&diff.relations_added, &diff.relations_removed, &diff.relations_changed}) std::sort(list->begin(), list->end(), by_key);
  return diff;
}

}  // namespace relgraph::query
