// What changed between two versions of a graph (snapshots, or a snapshot and the working
// graph): entities matched by id, relations by key (source, type, target).
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"

namespace relgraph::query {

struct FieldChange {
  std::string field;  // "name", "aliases", "weight", "evidence", "property:founded", ...
  std::string from;   // values as text (lists joined with " | ")
  std::string to;
  bool operator==(const FieldChange&) const = default;
};

struct EntityDiff {
  std::string id;
  std::string name;  // in the newer graph when present, else the older
  std::vector<FieldChange> changes;  // empty for added / removed
  bool operator==(const EntityDiff&) const = default;
};

struct RelationDiff {
  RelationKey key;
  std::vector<FieldChange> changes;
  std::vector<Evidence> evidence_added;  // for changed relations
  bool operator==(const RelationDiff&) const = default;
};

struct GraphDiff {
  std::vector<EntityDiff> entities_added, entities_removed, entities_changed;
  std::vector<RelationDiff> relations_added, relations_removed, relations_changed;
  bool empty() const {
    return entities_added.empty() && entities_removed.empty() && entities_changed.empty() && relations_added.empty() &&
           relations_removed.empty() && relations_changed.empty();
  }
};

// Lists every difference from `before` to `after`, in id / key order. O((n + m) log(n + m)).
GraphDiff Diff(const Graph& before, const Graph& after);

}  // namespace relgraph::query
