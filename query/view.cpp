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
  // Arcs grouped by node, each node's by neighbour, then by relation index: two stable
  // counting sorts (by neighbour, then by node), linear where sorting each node's arcs was not.
  auto build = [&](const std::vector<uint32_t>& from, const std::vector<uint32_t>& to, std::vector<uint32_t>& offsets,
                   std::vector<uint32_t>& neighbour, std::vector<uint32_t>& relation, std::vector<uint8_t>& type,
                   std::vector<double>& cost) {
    auto counting_sort = [&](const std::vector<uint32_t>& key, const std::vector<uint32_t>& input, std::vector<uint32_t>* starts) {
      starts->assign(n + 1, 0);
      for (uint32_t node : key) ++(*starts)[node + 1];
      std::partial_sum(starts->begin(), starts->end(), starts->begin());
      std::vector<uint32_t> output(m);
      std::vector<uint32_t> next(starts->begin(), starts->end() - 1);
      for (uint32_t r : input) output[next[key[r]]++] = r;
      return output;
    };
    std::vector<uint32_t> by_index(m);
    std::iota(by_index.begin(), by_index.end(), 0u);
    std::vector<uint32_t> by_neighbour = counting_sort(to, by_index, &offsets);
    std::vector<uint32_t> order = counting_sort(from, by_neighbour, &offsets);
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
