#include "query/view.h"

#include <algorithm>
#include <numeric>

#include "common/error.h"

namespace relgraph::query {

GraphView::GraphView(const Graph& graph) : GraphView(graph.schema(), TopologyOf(graph)) {}

GraphView::GraphView(const Schema& schema, const Topology& topology) {
  const auto& types = schema.relation_types();
  if (types.size() > 64) {
    throw Error(ErrorKind::kInput, "at most 64 relation types are supported, the schema has " + std::to_string(types.size()));
  }
  for (size_t code = 0; code < types.size(); ++code) {
    type_names_.push_back(types[code].name);
    if (types[code].symmetric) symmetric_ |= uint64_t{1} << code;
  }
  size_t n = topology.entity_ids.size();
  size_t m = topology.relation_count();
  const std::vector<uint32_t>& source = topology.source;
  const std::vector<uint32_t>& target = topology.target;
  const std::vector<uint8_t>& code = topology.type;
  // Counting sort by node, then sort each node's arcs by neighbour.
  auto build = [&](const std::vector<uint32_t>& from, const std::vector<uint32_t>& to, std::vector<uint32_t>& offsets,
                   std::vector<uint32_t>& neighbour, std::vector<uint32_t>& relation, std::vector<uint8_t>& type,
                   std::vector<double>& cost) {
    offsets.assign(n + 1, 0);
    for (uint32_t node : from) ++offsets[node + 1];
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    std::vector<uint32_t> order(m);
    std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (RelationIndex r = 0; r < m; ++r) order[next[from[r]]++] = r;
    for (size_t node = 0; node < n; ++node) {
      std::sort(order.begin() + offsets[node], order.begin() + offsets[node + 1],
                [&](uint32_t a, uint32_t b) { return to[a] != to[b] ? to[a] < to[b] : a < b; });
    }
    neighbour.resize(order.size());
    relation.resize(order.size());
    type.resize(order.size());
    cost.resize(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      neighbour[i] = to[order[i]];
      relation[i] = order[i];
      type[i] = code[order[i]];
      cost[i] = 1.0 / topology.weight[order[i]];
    }
  };
  build(source, target, out_offsets_, out_target_, out_relation_, out_type_, out_cost_);
  build(target, source, in_offsets_, in_source_, in_relation_, in_type_, in_cost_);
}

uint64_t GraphView::TypeMask(const std::vector<std::string>& type_names) const {
  if (type_names.empty()) return ~uint64_t{0};
  uint64_t mask = 0;
  for (const std::string& name : type_names) {
    for (size_t code = 0; code < type_names_.size(); ++code) {
      if (type_names_[code] == name) mask |= uint64_t{1} << code;
    }
  }
  return mask;
}

std::vector<std::pair<RelationIndex, bool>> GraphView::RelationsBetween(uint32_t a, uint32_t b, const ViewFilter& filter) const {
  std::vector<std::pair<RelationIndex, bool>> found;
  uint64_t forward = ForwardMask(filter), reverse = ReverseMask(filter);
  for (uint32_t i = Out(a).begin; i < Out(a).end; ++i) {
    if (out_target_[i] == b && ((forward >> out_type_[i]) & 1)) found.emplace_back(out_relation_[i], true);
  }
  for (uint32_t j = In(a).begin; j < In(a).end; ++j) {
    if (in_source_[j] == b && ((reverse >> in_type_[j]) & 1)) {
      // A self-loop a->a was already found as an out-arc.
      if (a != b) found.emplace_back(in_relation_[j], false);
    }
  }
  return found;
}

}  // namespace relgraph::query
