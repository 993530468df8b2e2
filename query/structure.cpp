// Connected pieces, cores, brokers and disjoint paths on a SimpleGraph; which of them run our
// own kernel and which run Boost.Graph is said in structure.h.
#include "query/structure.h"

// GCC 12 at -O3 reports a false "may be used uninitialized" inside Boost's adjacency_list edge
// iterator (an empty boost::optional), which boykov_kolmogorov_max_flow instantiates.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/core_numbers.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <iterator>

#include "common/error.h"
#include "query/bgl_graph.h"

namespace relgraph::query {
namespace {

// Groups nodes by a component label: members ascending, groups largest first, ties by their
// smallest member (the first member, since members are ascending).
std::vector<std::vector<uint32_t>> GroupByLabel(const std::vector<uint32_t>& label, uint32_t label_count) {
  std::vector<std::vector<uint32_t>> groups(label_count);
  for (uint32_t node = 0; node < label.size(); ++node) groups[label[node]].push_back(node);
  std::erase_if(groups, [](const std::vector<uint32_t>& group) { return group.empty(); });
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a.front() < b.front();
  });
  return groups;
}

}  // namespace

// The only place that reads the CLI's graph structure. Each node's successors come once each,
// ascending and without self-loops (Csr::ForEachSuccessor's contract), which is exactly
// a SimpleGraph row; with kBoth the rows are symmetric.
SimpleGraph ConnectionGraph(const Csr& view, uint64_t types, bool directed) {
  SimpleGraph graph;
  graph.directed = directed;
  uint32_t n = view.node_count();
  graph.offsets.reserve(static_cast<size_t>(n) + 1);
  ViewFilter filter{types, directed ? Direction::kOut : Direction::kBoth};
  for (uint32_t node = 0; node < n; ++node) {
    view.ForEachSuccessor(node, filter, [&](uint32_t neighbour, double, RelationIndex) { graph.neighbours.push_back(neighbour); });
    graph.offsets.push_back(static_cast<uint32_t>(graph.neighbours.size()));
  }
  return graph;
}

std::vector<std::vector<uint32_t>> ConnectedComponents(const SimpleGraph& graph) {
  uint32_t n = graph.node_count();
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::vector<uint32_t> label(n, kUnseen);
  std::vector<uint32_t> queue(n);
  uint32_t count = 0;
  for (uint32_t start = 0; start < n; ++start) {
    if (label[start] != kUnseen) continue;
    size_t head = 0, tail = 0;
    queue[tail++] = start;
    label[start] = count;
    while (head < tail) {
      uint32_t node = queue[head++];
      for (const uint32_t* it = graph.begin(node); it != graph.end(node); ++it) {
        if (label[*it] == kUnseen) {
          label[*it] = count;
          queue[tail++] = *it;
        }
      }
    }
    ++count;
  }
  return GroupByLabel(label, count);
}

std::vector<std::vector<uint32_t>> StrongComponents(const SimpleGraph& graph) {
  std::vector<uint32_t> label(graph.node_count());
  auto index = get(boost::vertex_index, graph);
  uint32_t count = static_cast<uint32_t>(boost::strong_components(graph, boost::make_iterator_property_map(label.begin(), index)));
  return GroupByLabel(label, count);
}

std::vector<uint32_t> CoreNumbers(const SimpleGraph& graph) {
  std::vector<uint32_t> core(graph.node_count(), 0);
  // core_numbers starts from each node's in-degree counted over out-arcs, which on our
  // symmetric arrays is its degree.
  boost::core_numbers(graph, boost::make_iterator_property_map(core.begin(), get(boost::vertex_index, graph)));
  return core;
}

std::vector<std::vector<uint32_t>> ConnectedComponents(const Csr& view, uint64_t types) {
  const uint32_t n = view.node_count();
  std::vector<uint32_t> parent(n);
  for (uint32_t node = 0; node < n; ++node) parent[node] = node;
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];  // path halving
    return x;
  };
  const uint32_t* target = view.out_target();
  const uint8_t* type = view.out_type();
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t arc = view.OutBegin(u), end = view.OutEnd(u); arc < end; ++arc) {
      if (!((types >> type[arc]) & 1)) continue;
      uint32_t a = find(u), b = find(target[arc]);
      if (a == b) continue;
      if (a < b) std::swap(a, b);
      parent[a] = b;  // the smaller index is the root
    }
  }
  std::vector<uint32_t> label(n);
  uint32_t count = 0;
  for (uint32_t node = 0; node < n; ++node) {
    uint32_t root = find(node);
    label[node] = root == node ? count++ : label[root];  // roots come before their members
  }
  return GroupByLabel(label, count);
}

std::vector<std::vector<uint32_t>> StrongComponents(const Csr& view, uint64_t types) {
  // Pearce's variant of Tarjan ("A space-efficient algorithm for finding strongly connected
  // components", 2016), iterative: one array rindex[v] holds 0 until v is visited, then v's
  // visit index (1..n; its low-link once lowered) while v is open, then its component's label,
  // n + 1 + k for the k-th component done: above every visit index, so a done node never lowers
  // an open one's. A root flag says whether v's rindex was lowered. One random access per arc
  // instead of Tarjan's three (index, low, on-stack).
  const uint32_t n = view.node_count();
  if (n >= (uint32_t{1} << 31)) throw Error(ErrorKind::kInput, "strong components: at most 2^31 - 1 nodes are supported");
  const uint64_t forward = types, reverse = types & view.symmetric();
  const bool every_type = forward == ~uint64_t{0};
  std::vector<uint32_t> rindex(n, 0), stack;
  std::vector<uint8_t> root(n, 0);
  // A frame: a node and the position of its next arc, counting its out-arcs first and then its
  // in-arcs (positions >= out-degree).
  struct Frame {
    uint32_t node, next;
  };
  std::vector<Frame> frames;
  uint32_t index = 1, label = n + 1;
  const uint32_t* target = view.out_target();
  const uint32_t* source = view.in_source();
  const uint32_t* in_arc = view.in_arc();
  const uint8_t* type = view.out_type();
  auto enter = [&](uint32_t node) {
    rindex[node] = index++;
    root[node] = 1;
    frames.push_back({node, 0});
  };
  for (uint32_t start = 0; start < n; ++start) {
    if (rindex[start] != 0) continue;
    enter(start);
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const uint32_t v = frame.node, out_degree = view.OutDegree(v), degree = out_degree + (reverse ? view.InDegree(v) : 0);
      uint32_t descend = UINT32_MAX;
      while (frame.next < degree) {
        const uint32_t at = frame.next++;
        uint32_t w;
        if (at < out_degree) {
          const uint32_t arc = view.OutBegin(v) + at;
          if (!every_type && !((forward >> type[arc]) & 1)) continue;
          w = target[arc];
        } else {
          const uint32_t j = view.InBegin(v) + (at - out_degree);
          if (!((reverse >> type[in_arc[j]]) & 1)) continue;
          w = source[j];
        }
        if (rindex[w] == 0) {
          descend = w;  // a tree arc: descend below
          break;
        }
        if (rindex[w] < rindex[v]) rindex[v] = rindex[w], root[v] = 0;
      }
      if (descend != UINT32_MAX) {
        enter(descend);  // invalidates `frame`
        continue;
      }
      frames.pop_back();
      if (root[v]) {
        // v's component: v and the nodes on the stack visited after it.
        while (!stack.empty() && rindex[v] <= rindex[stack.back()]) {
          rindex[stack.back()] = label;
          stack.pop_back();
        }
        rindex[v] = label++;
      } else {
        stack.push_back(v);
      }
      if (!frames.empty()) {
        const uint32_t up = frames.back().node;
        if (rindex[v] < rindex[up]) rindex[up] = rindex[v], root[up] = 0;
      }
    }
  }
  // Labels n + 1 up to label - 1, one per component: as 0.. for the grouping.
  for (uint32_t& value : rindex) value -= n + 1;
  return GroupByLabel(rindex, label - (n + 1));
}

std::vector<uint32_t> CoreNumbers(const Csr& view, uint64_t types) {
  const uint32_t n = view.node_count();
  const uint32_t* target = view.out_target();
  const uint32_t* source = view.in_source();
  const uint32_t* in_arc = view.in_arc();
  const uint8_t* type = view.out_type();
  // The undirected simple graph once, as flat arrays: each node's distinct neighbours u != v
  // over the selected relations, either way (the raw out- and in-lists, repeats from parallel
  // relations and both arrows dropped by a stamp per node). With every type selected no arc's
  // type is read. The peeling below then walks these arrays instead of the Csr twice.
  const bool every_type = types == ~uint64_t{0};
  RawVector<uint32_t> offsets(size_t{n} + 1);
  RawVector<uint32_t> neighbours(size_t{view.edge_count()} * 2);
  std::vector<uint32_t> stamp(n, UINT32_MAX);
  uint32_t count = 0, highest = 0;
  offsets[0] = 0;
  for (uint32_t v = 0; v < n; ++v) {
    stamp[v] = v;  // no self-loops
    const uint32_t first = count;
    for (uint32_t arc = view.OutBegin(v), end = view.OutEnd(v); arc < end; ++arc) {
      uint32_t u = target[arc];
      if ((every_type || ((types >> type[arc]) & 1)) && stamp[u] != v) stamp[u] = v, neighbours[count++] = u;
    }
    for (uint32_t j = view.InBegin(v), end = view.InEnd(v); j < end; ++j) {
      uint32_t u = source[j];
      if ((every_type || ((types >> type[in_arc[j]]) & 1)) && stamp[u] != v) stamp[u] = v, neighbours[count++] = u;
    }
    offsets[v + 1] = count;
    highest = std::max(highest, count - first);
  }
  std::vector<uint32_t>().swap(stamp);
  // Batagelj and Zaversnik: nodes sorted by degree in `order`, bucket d starting at start[d];
  // position[v] its place.
  std::vector<uint32_t> degree(n);
  for (uint32_t v = 0; v < n; ++v) degree[v] = offsets[v + 1] - offsets[v];
  std::vector<uint32_t> start(size_t{highest} + 2, 0), order(n), position(n);
  for (uint32_t node = 0; node < n; ++node) ++start[degree[node] + 1];
  for (uint32_t d = 0; d <= highest; ++d) start[d + 1] += start[d];
  {
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (uint32_t node = 0; node < n; ++node) {
      position[node] = next[degree[node]]++;
      order[position[node]] = node;
    }
  }
  // Peel in order of current degree: a node's degree when it is reached is its core number;
  // each neighbour of higher degree moves one bucket down (swapped to its bucket's front).
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t v = order[i], dv = degree[v];
    for (uint32_t k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
      const uint32_t u = neighbours[k], du = degree[u];
      if (du <= dv) continue;
      const uint32_t pu = position[u], pw = start[du], w = order[pw];
      if (u != w) {
        order[pu] = w, position[w] = pu;
        order[pw] = u, position[u] = pw;
      }
      ++start[du];
      degree[u] = du - 1;
    }
  }
  return degree;
}

std::vector<Broker> Brokers(const SimpleGraph& graph) {
  uint32_t n = graph.node_count();
  auto index = get(boost::vertex_index, graph);
  std::vector<size_t> discovered(n, 0), low(n, 0);
  std::vector<uint32_t> parent(n);
  std::vector<uint32_t> points;
  boost::biconnected_components(graph, boost::dummy_property_map(), std::back_inserter(points),
                                boost::discover_time_map(boost::make_iterator_property_map(discovered.begin(), index))
                                    .lowpoint_map(boost::make_iterator_property_map(low.begin(), index))
                                    .predecessor_map(boost::make_iterator_property_map(parent.begin(), index)));
  if (points.empty()) return {};
  // The DFS tree BGL leaves behind (parent == node at a root) sizes every subtree: children are
  // discovered after their parents, so summing in decreasing discovery order is bottom-up.
  std::vector<uint32_t> by_discovery(n);
  for (uint32_t node = 0; node < n; ++node) by_discovery[node] = node;
  std::sort(by_discovery.begin(), by_discovery.end(), [&](uint32_t a, uint32_t b) { return discovered[a] < discovered[b]; });
  std::vector<uint32_t> subtree(n, 1), root(n);
  for (uint32_t node : by_discovery) root[node] = parent[node] == node ? node : root[parent[node]];
  for (auto it = by_discovery.rbegin(); it != by_discovery.rend(); ++it) {
    if (parent[*it] != *it) subtree[parent[*it]] += subtree[*it];
  }
  // Removing an articulation point v leaves one piece per DFS child c with low(c) >= disc(v)
  // (its subtree), plus, unless v is a root, the rest of the component (never empty: v's parent).
  std::vector<char> is_point(n, 0);
  for (uint32_t node : points) is_point[node] = 1;
  std::vector<uint32_t> pieces(n, 0), separated(n, 0), largest(n, 0);
  for (uint32_t child = 0; child < n; ++child) {
    uint32_t up = parent[child];
    if (up == child || !is_point[up] || low[child] < discovered[up]) continue;
    ++pieces[up];
    separated[up] += subtree[child];
    largest[up] = std::max(largest[up], subtree[child]);
  }
  std::vector<Broker> brokers;
  for (uint32_t node = 0; node < n; ++node) {
    if (!is_point[node]) continue;
    uint32_t others = subtree[root[node]] - 1;  // the component without the broker
    uint32_t rest = others - separated[node];
    if (rest > 0) ++pieces[node], largest[node] = std::max(largest[node], rest);
    brokers.push_back({node, pieces[node], others - largest[node]});
  }
  std::sort(brokers.begin(), brokers.end(), [](const Broker& a, const Broker& b) {
    if (a.cut_off != b.cut_off) return a.cut_off > b.cut_off;
    return a.node < b.node;
  });
  return brokers;
}

std::vector<std::vector<uint32_t>> DisjointPaths(const SimpleGraph& graph, uint32_t from, uint32_t to) {
  if (from == to) return {};
  // Split-vertex network: node v is in(v) = 2v and out(v) = 2v + 1 with an arc in -> out of
  // capacity 1 (so at most one path passes through v); an edge u-v gives out(u) -> in(v) and
  // out(v) -> in(u) of capacity 1. The flow runs from out(from) to in(to). Only the component
  // of `from` matters, but the network is built over all nodes: index maps stay trivial and the
  // CLI's graphs are small next to the max-flow itself.
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Network = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS,
      boost::property<boost::vertex_color_t, boost::default_color_type,
                      boost::property<boost::vertex_distance_t, long, boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>,
      boost::property<boost::edge_capacity_t, long,
                      boost::property<boost::edge_residual_capacity_t, long, boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
  uint32_t n = graph.node_count();
  Network network(2 * static_cast<size_t>(n));
  auto capacity = get(boost::edge_capacity, network);
  auto reverse = get(boost::edge_reverse, network);
  auto add_arc = [&](size_t a, size_t b) {
    auto forward = add_edge(a, b, network).first;
    auto backward = add_edge(b, a, network).first;
    capacity[forward] = 1;
    capacity[backward] = 0;
    reverse[forward] = backward;
    reverse[backward] = forward;
  };
  for (uint32_t node = 0; node < n; ++node) {
    if (node != from && node != to) add_arc(2 * size_t{node}, 2 * size_t{node} + 1);
    for (const uint32_t* it = graph.begin(node); it != graph.end(node); ++it) add_arc(2 * size_t{node} + 1, 2 * size_t{*it});
  }
  long flow = boost::boykov_kolmogorov_max_flow(network, 2 * size_t{from} + 1, 2 * size_t{to});
  auto residual = get(boost::edge_residual_capacity, network);
  // Every unit of flow leaves out(from) on its own arc and, node capacities being 1, follows
  // one chain of saturated arcs to in(to); cycles of flow, if any, touch no path.
  std::vector<std::vector<uint32_t>> paths;
  auto saturated_next = [&](size_t vertex) -> size_t {
    for (auto [it, end] = out_edges(vertex, network); it != end; ++it) {
      if (capacity[*it] == 1 && residual[*it] == 0) {
        residual[*it] = 1;  // consumed
        return boost::target(*it, network);
      }
    }
    return SIZE_MAX;
  };
  for (long unit = 0; unit < flow; ++unit) {
    std::vector<uint32_t> path = {from};
    size_t at = saturated_next(2 * size_t{from} + 1);
    while (at != SIZE_MAX && at != 2 * size_t{to}) {
      path.push_back(static_cast<uint32_t>(at / 2));
      size_t out = saturated_next(at);  // in(v) -> out(v)
      at = out == SIZE_MAX ? SIZE_MAX : saturated_next(out);
    }
    path.push_back(to);
    paths.push_back(std::move(path));
  }
  std::sort(paths.begin(), paths.end(), [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
  });
  return paths;
}

}  // namespace relgraph::query
