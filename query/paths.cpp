#include "query/paths.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <unordered_set>

#include "query/engine.h"

namespace relgraph::query {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

using Blocked = SearchBlocks;  // what Yen's algorithm takes out of the graph for one spur search

// Fewest hops from `from` to `to` by breadth-first search from both ends, expanding the smaller
// frontier each round. Returns the node sequence, or nothing.
std::optional<std::vector<uint32_t>> BidirectionalBfs(const Csr& view, uint32_t from, uint32_t to,
                                                      const ViewFilter& filter, const Blocked& blocked) {
  if (from == to) return std::vector<uint32_t>{from};
  uint32_t n = view.node_count();
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> parent_forward(n, kNone), parent_backward(n, kNone);
  parent_forward[from] = from;
  parent_backward[to] = to;
  std::vector<uint32_t> frontier_forward = {from}, frontier_backward = {to}, next;
  uint32_t meet = kNone;
  while (!frontier_forward.empty() && !frontier_backward.empty() && meet == kNone) {
    bool forward = frontier_forward.size() <= frontier_backward.size();
    auto& frontier = forward ? frontier_forward : frontier_backward;
    auto& parent = forward ? parent_forward : parent_backward;
    auto& other = forward ? parent_backward : parent_forward;
    next.clear();
    for (uint32_t u : frontier) {
      auto step = [&](uint32_t v, double, RelationIndex) {
        if (meet != kNone || parent[v] != kNone || blocked.Node(v)) return;
        if (forward ? blocked.Arc(u, v) : blocked.Arc(v, u)) return;
        parent[v] = u;
        if (other[v] != kNone) {
          meet = v;
          return;
        }
        next.push_back(v);
      };
      if (forward) {
        view.ForEachSuccessor(u, filter, step);
      } else {
        view.ForEachPredecessor(u, filter, step);
      }
      if (meet != kNone) break;
    }
    frontier.swap(next);
  }
  if (meet == kNone) return std::nullopt;
  std::vector<uint32_t> nodes;
  for (uint32_t v = meet; v != from; v = parent_forward[v]) nodes.push_back(v);
  nodes.push_back(from);
  std::reverse(nodes.begin(), nodes.end());
  for (uint32_t v = meet; v != to;) {
    v = parent_backward[v];
    nodes.push_back(v);
  }
  return nodes;
}

double HopCost(const Csr& view, uint32_t u, uint32_t v, const ViewFilter& filter, bool weighted) {
  if (!weighted) return 1.0;
  double found = kInfinity;
  view.ForEachSuccessor(u, filter, [&](uint32_t w, double cost, RelationIndex) {
    if (w == v) found = cost;
  });
  return found;
}

double PathCost(const Csr& view, const std::vector<uint32_t>& nodes, const ViewFilter& filter, bool weighted) {
  double cost = 0;
  for (size_t i = 0; i + 1 < nodes.size(); ++i) cost += HopCost(view, nodes[i], nodes[i + 1], filter, weighted);
  return cost;
}

bool Better(const Path& a, const Path& b) {
  if (a.cost != b.cost) return a.cost < b.cost;
  if (a.nodes.size() != b.nodes.size()) return a.nodes.size() < b.nodes.size();
  return a.nodes < b.nodes;
}

}  // namespace

std::vector<Path> ShortestPaths(const Csr& view, uint32_t from, uint32_t to, const PathOptions& options) {
  std::unique_ptr<SearchWorkspace> workspace;
  auto scratch = [&]() -> SearchWorkspace& {
    if (options.workspace != nullptr) return *options.workspace;
    if (!workspace) workspace = std::make_unique<SearchWorkspace>(view.node_count());
    return *workspace;
  };
  auto search = [&](uint32_t source, const Blocked& blocked) -> std::optional<std::vector<uint32_t>> {
    std::vector<uint32_t> nodes;
    if (options.weighted) {
      // The engine's Dijkstra (engine.h), the one the benchmark worker times, at 1/weight a hop.
      if (WeightedDistance(view, source, to, options.filter, scratch(), ArcCost::kInverseWeight, &nodes, &blocked) < 0) {
        return std::nullopt;
      }
      return nodes;
    }
    if (!blocked.empty()) return BidirectionalBfs(view, source, to, options.filter, blocked);
    // Nothing blocked: the engine's kernel (engine.h), the search the benchmark worker times.
    if (HopDistance(view, source, to, options.filter, scratch(), &nodes) < 0) return std::nullopt;
    return nodes;
  };
  auto within_limit = [&](const Path& path) { return options.max_hops <= 0 || path.hops() <= options.max_hops; };

  std::vector<Path> accepted;
  auto first = search(from, Blocked{});
  if (!first) return accepted;
  Path shortest{*first, PathCost(view, *first, options.filter, options.weighted)};
  // Candidates in cost order; `seen` keeps every path ever proposed so none is proposed twice.
  std::set<std::vector<uint32_t>> seen = {shortest.nodes};
  auto worse = [](const Path& a, const Path& b) { return Better(b, a); };
  std::priority_queue<Path, std::vector<Path>, decltype(worse)> candidates(worse);
  candidates.push(shortest);
  // With a hop limit and weights, cheap long paths are skipped, so more candidates may be
  // needed than k; the bound keeps a pathological query finite.
  size_t budget = static_cast<size_t>(options.k) * 64 + 1024;
  std::vector<std::vector<uint32_t>> popped;  // Yen's list A (before the hop limit filters it)
  while (accepted.size() < static_cast<size_t>(options.k) && !candidates.empty() && budget-- > 0) {
    Path best = candidates.top();
    candidates.pop();
    popped.push_back(best.nodes);
    if (within_limit(best)) accepted.push_back(best);
    if (!options.weighted && !within_limit(best)) break;  // hop order: every later path is longer
    if (accepted.size() == static_cast<size_t>(options.k)) break;
    // Yen: spur from every node of `best` but the last.
    for (size_t i = 0; i + 1 < best.nodes.size(); ++i) {
      Blocked blocked;
      blocked.nodes.assign(view.node_count(), 0);
      std::vector<uint32_t> root(best.nodes.begin(), best.nodes.begin() + static_cast<long>(i) + 1);
      for (size_t j = 0; j < i; ++j) blocked.nodes[root[j]] = 1;
      // Block the next hop of every path already taken that shares this root.
      for (const auto& known : popped) {
        if (known.size() > i + 1 && std::equal(root.begin(), root.end(), known.begin())) {
          blocked.arcs.insert((uint64_t{known[i]} << 32) | known[i + 1]);
        }
      }
      auto spur = search(best.nodes[i], blocked);
      if (!spur) continue;
      std::vector<uint32_t> nodes = root;
      nodes.insert(nodes.end(), spur->begin() + 1, spur->end());
      if (!seen.insert(nodes).second) continue;
      candidates.push(Path{nodes, PathCost(view, nodes, options.filter, options.weighted)});
    }
  }
  return accepted;
}

std::vector<int32_t> HopDistances(const Csr& view, uint32_t source, const ViewFilter& filter, bool towards_source) {
  std::vector<int32_t> distance(view.node_count(), -1);
  distance[source] = 0;
  std::vector<uint32_t> queue = {source};
  for (size_t head = 0; head < queue.size(); ++head) {
    uint32_t u = queue[head];
    auto step = [&](uint32_t v, double, RelationIndex) {
      if (distance[v] >= 0) return;
      distance[v] = distance[u] + 1;
      queue.push_back(v);
    };
    if (towards_source) {
      view.ForEachPredecessor(u, filter, step);
    } else {
      view.ForEachSuccessor(u, filter, step);
    }
  }
  return distance;
}

}  // namespace relgraph::query
