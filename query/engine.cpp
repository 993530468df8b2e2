#include "query/engine.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <thread>

#include "common/error.h"

namespace relgraph::query {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Calls fn(neighbour, arc) for the arcs of u on the out-list, keeping only arcs whose type is in
// `types` when kFiltered. `arc` indexes out_type/out_weight. fn returns true to stop.
template <bool kFiltered, typename Fn>
inline bool WalkOut(const Csr& graph, uint32_t u, uint64_t types, Fn&& fn) {
  const uint32_t* target = graph.out_target();
  for (uint32_t i = graph.OutBegin(u), end = graph.OutEnd(u); i < end; ++i) {
    if constexpr (kFiltered) {
      if (!((types >> graph.out_type()[i]) & 1)) continue;
    }
    if (fn(target[i], i)) return true;
  }
  return false;
}
template <bool kFiltered, typename Fn>
inline bool WalkIn(const Csr& graph, uint32_t v, uint64_t types, Fn&& fn) {
  const uint32_t* source = graph.in_source();
  const uint32_t* arc = graph.in_arc();
  for (uint32_t i = graph.InBegin(v), end = graph.InEnd(v); i < end; ++i) {
    if constexpr (kFiltered) {
      if (!((types >> graph.out_type()[arc[i]]) & 1)) continue;
    }
    if (fn(source[i], arc[i])) return true;
  }
  return false;
}

// The arcs one side of a search walks: the forward side (from `from`) steps to successors, the
// backward side (from `to`) to predecessors. out/in: the type masks of the out- and in-list
// (Csr::ForwardMask / ReverseMask of the filter, so symmetric types walk both ways); a list
// with mask 0 is not read, one with every type is read without looking at types.
struct Side {
  uint64_t out = 0, in = 0;
  Side(const Csr& graph, const ViewFilter& filter, bool forward)
      : out(forward ? graph.ForwardMask(filter) : graph.ReverseMask(filter)),
        in(forward ? graph.ReverseMask(filter) : graph.ForwardMask(filter)) {}
};

template <typename Fn>
inline void WalkSide(const Csr& graph, uint32_t u, const Side& side, Fn&& fn) {
  if (side.out == kAllTypes) {
    if (WalkOut<false>(graph, u, side.out, fn)) return;
  } else if (side.out != 0) {
    if (WalkOut<true>(graph, u, side.out, fn)) return;
  }
  if (side.in == kAllTypes) {
    WalkIn<false>(graph, u, side.in, fn);
  } else if (side.in != 0) {
    WalkIn<true>(graph, u, side.in, fn);
  }
}

inline uint64_t SideDegree(const Csr& graph, uint32_t u, const Side& side) {
  return (side.out ? graph.OutDegree(u) : 0) + (side.in ? graph.InDegree(u) : 0);
}

// Fewest hops; with `path`, the nodes of one shortest path (parents are kept in parent_).
int32_t HopDistanceImpl(const Csr& graph, uint32_t from, uint32_t to, const ViewFilter& filter, SearchWorkspace& ws,
                        std::vector<uint32_t>* path) {
  if (path != nullptr) path->clear();
  if (from == to) {
    if (path != nullptr) path->push_back(from);
    return 0;
  }
  const Side sides[2] = {Side(graph, filter, false), Side(graph, filter, true)};
  uint32_t forward_mark = ws.NextEpoch(), backward_mark = forward_mark + 1;
  uint32_t* mark = ws.mark_.data();
  uint32_t* parent = nullptr;
  if (path != nullptr) {
    if (ws.parent_.size() < ws.node_count_) ws.parent_.resize(ws.node_count_);
    parent = ws.parent_.data();
  }
  mark[from] = forward_mark;
  mark[to] = backward_mark;
  // Each node carries at most one side's mark: the search stops the moment a node is seen by
  // both. Invariant: no node is in both visited sets after F forward and B backward levels, so
  // d(from, to) > F + B, and a node reached by the next level closes a path of F + B + 1.
  std::vector<uint32_t>& forward_frontier = ws.queue_;
  std::vector<uint32_t>& backward_frontier = ws.next_;
  forward_frontier.assign(1, from);
  backward_frontier.assign(1, to);
  std::vector<uint32_t> next;  // small: frontiers of point queries
  uint64_t forward_work = SideDegree(graph, from, sides[1]);
  uint64_t backward_work = SideDegree(graph, to, sides[0]);
  int32_t levels = 0;
  while (!forward_frontier.empty() && !backward_frontier.empty()) {
    bool forward = forward_work <= backward_work;
    const Side& side = sides[forward];
    std::vector<uint32_t>& frontier = forward ? forward_frontier : backward_frontier;
    uint32_t mine = forward ? forward_mark : backward_mark;
    uint32_t other = forward ? backward_mark : forward_mark;
    next.clear();
    uint64_t work = 0;
    bool met = false;
    uint32_t meet_near = 0, meet_far = 0;  // the arc that closed the path: near on this side
    for (uint32_t u : frontier) {
      WalkSide(graph, u, side, [&](uint32_t v, uint32_t) {
        uint32_t seen = mark[v];
        if (seen == mine) return false;
        if (seen == other) {
          meet_near = u, meet_far = v;
          return met = true;
        }
        mark[v] = mine;
        if (parent != nullptr) parent[v] = u;
        next.push_back(v);
        work += SideDegree(graph, v, side);
        return false;
      });
      if (met) {
        if (path != nullptr) {
          uint32_t last_forward = forward ? meet_near : meet_far, first_backward = forward ? meet_far : meet_near;
          for (uint32_t v = last_forward;; v = parent[v]) {
            path->push_back(v);
            if (v == from) break;
          }
          std::reverse(path->begin(), path->end());
          for (uint32_t v = first_backward;; v = parent[v]) {
            path->push_back(v);
            if (v == to) break;
          }
        }
        return levels + 1;
      }
    }
    ++levels;
    frontier.swap(next);
    (forward ? forward_work : backward_work) = work;
  }
  return -1;
}

// Bidirectional Dijkstra. kInverse: a hop costs 1/weight; kBlocked: `blocks` is consulted.
template <bool kInverse, bool kBlocked>
double WeightedDistanceImpl(const Csr& graph, uint32_t from, uint32_t to, const ViewFilter& filter, SearchWorkspace& ws,
                            std::vector<uint32_t>* path, const SearchBlocks* blocks) {
  if (path != nullptr) path->clear();
  if (from == to) {
    if (path != nullptr) path->push_back(from);
    return 0;
  }
  const Side sides[2] = {Side(graph, filter, false), Side(graph, filter, true)};
  uint32_t stamp = ws.NextEpoch();
  if (ws.dist_.size() < ws.node_count_) ws.dist_.assign(ws.node_count_, SearchWorkspace::Dist{0, 0, 0, 0});  // stamps 0: unset
  SearchWorkspace::Dist* dist = ws.dist_.data();
  const double* weight = graph.out_weight();
  uint32_t* parent_forward = nullptr;
  uint32_t* parent_backward = nullptr;
  if (path != nullptr) {
    if (ws.parent_.size() < ws.node_count_) ws.parent_.resize(ws.node_count_);
    if (ws.parent_backward_.size() < ws.node_count_) ws.parent_backward_.resize(ws.node_count_);
    parent_forward = ws.parent_.data();
    parent_backward = ws.parent_backward_.data();
  }
  auto& heap_forward = ws.heap_forward_;
  auto& heap_backward = ws.heap_backward_;
  heap_forward.clear();
  heap_backward.clear();
  auto later = [](const std::pair<double, uint32_t>& a, const std::pair<double, uint32_t>& b) { return a.first > b.first; };
  dist[from].forward = 0;
  dist[from].forward_stamp = stamp;
  dist[to].backward = 0;
  dist[to].backward_stamp = stamp;
  heap_forward.emplace_back(0.0, from);
  heap_backward.emplace_back(0.0, to);
  double best = kInfinity;
  uint32_t meet = from;  // a node on a cheapest path found so far (its labels on both sides)
  while (!heap_forward.empty() && !heap_backward.empty()) {
    // Any path shorter than `best` would have to pass a node below both heap tops.
    if (heap_forward.front().first + heap_backward.front().first >= best) break;
    bool forward = heap_forward.size() <= heap_backward.size();
    auto& heap = forward ? heap_forward : heap_backward;
    std::pop_heap(heap.begin(), heap.end(), later);
    // Plain variables, not a structured binding: the lambda below captures them (clang 14).
    const double d = heap.back().first;
    const uint32_t u = heap.back().second;
    heap.pop_back();
    if (d > (forward ? dist[u].forward : dist[u].backward)) continue;  // stale entry
    WalkSide(graph, u, sides[forward], [&](uint32_t v, uint32_t arc) {
      if constexpr (kBlocked) {
        // The hop walked is u->v on the forward side, v->u on the backward one.
        if (blocks->Node(v) || (forward ? blocks->Arc(u, v) : blocks->Arc(v, u))) return false;
      }
      double candidate = d + (kInverse ? 1.0 / weight[arc] : weight[arc]);
      SearchWorkspace::Dist& node = dist[v];
      if (forward) {
        if (node.forward_stamp != stamp || candidate < node.forward) {
          node.forward = candidate;
          node.forward_stamp = stamp;
          if (parent_forward != nullptr) parent_forward[v] = u;
          heap.emplace_back(candidate, v);
          std::push_heap(heap.begin(), heap.end(), later);
          if (node.backward_stamp == stamp && candidate + node.backward < best) best = candidate + node.backward, meet = v;
        }
      } else if (node.backward_stamp != stamp || candidate < node.backward) {
        node.backward = candidate;
        node.backward_stamp = stamp;
        if (parent_backward != nullptr) parent_backward[v] = u;
        heap.emplace_back(candidate, v);
        std::push_heap(heap.begin(), heap.end(), later);
        if (node.forward_stamp == stamp && candidate + node.forward < best) best = candidate + node.forward, meet = v;
      }
      return false;
    });
  }
  if (best == kInfinity) return -1.0;
  if (path != nullptr) {
    // Parents lead from `meet` back to `from` on the forward side and on to `to` on the
    // backward side; each label was final on its side when its node was expanded, so the
    // chains are the labels' paths.
    for (uint32_t v = meet;; v = parent_forward[v]) {
      path->push_back(v);
      if (v == from) break;
    }
    std::reverse(path->begin(), path->end());
    for (uint32_t v = meet; v != to;) {
      v = parent_backward[v];
      path->push_back(v);
    }
  }
  return best;
}

inline bool TestBit(const uint64_t* bits, uint32_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
inline void SetBit(uint64_t* bits, uint32_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }

// Runs fn(worker) on `threads` threads (the calling thread is worker 0) and joins them.
template <typename Fn>
void RunThreads(int threads, Fn&& fn) {
  std::vector<std::thread> pool;
  for (int worker = 1; worker < threads; ++worker) pool.emplace_back([&fn, worker] { fn(worker); });
  fn(0);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace

SearchWorkspace::SearchWorkspace(uint32_t node_count)
    : node_count_(node_count),
      mark_(node_count, 0),
      visited_((size_t{node_count} + 63) / 64),
      front_((size_t{node_count} + 63) / 64),
      next_bits_((size_t{node_count} + 63) / 64) {
  // dist_ (24 bytes a node) and distance_ are sized by the searches that use them: a cold
  // question that runs a breadth-first search does not pay for zeroing them.
  queue_.reserve(node_count);
  next_.reserve(node_count);
}

uint32_t SearchWorkspace::NextEpoch() {
  if (epoch_ >= UINT32_MAX - 4) {
    std::fill(mark_.begin(), mark_.end(), 0);
    for (Dist& d : dist_) d.forward_stamp = d.backward_stamp = 0;
    epoch_ = 0;
  }
  epoch_ += 2;
  return epoch_;
}

int32_t HopDistance(const Csr& graph, uint32_t from, uint32_t to, const ViewFilter& filter, SearchWorkspace& workspace,
                    std::vector<uint32_t>* path) {
  return HopDistanceImpl(graph, from, to, filter, workspace, path);
}

double WeightedDistance(const Csr& graph, uint32_t from, uint32_t to, const ViewFilter& filter, SearchWorkspace& workspace,
                        ArcCost cost, std::vector<uint32_t>* path, const SearchBlocks* blocks) {
  bool blocked = blocks != nullptr && !blocks->empty();
  if (cost == ArcCost::kInverseWeight) {
    return blocked ? WeightedDistanceImpl<true, true>(graph, from, to, filter, workspace, path, blocks)
                   : WeightedDistanceImpl<true, false>(graph, from, to, filter, workspace, path, blocks);
  }
  return blocked ? WeightedDistanceImpl<false, true>(graph, from, to, filter, workspace, path, blocks)
                 : WeightedDistanceImpl<false, false>(graph, from, to, filter, workspace, path, blocks);
}

BfsSummary BreadthFirst(const Csr& graph, uint32_t source, bool record_distances, SearchWorkspace& ws) {
  const uint32_t n = graph.node_count();
  const uint32_t* out_offsets = graph.out_offsets();
  const uint32_t* out_target = graph.out_target();
  const uint32_t* in_offsets = graph.in_offsets();
  const uint32_t* in_source = graph.in_source();
  uint64_t* visited = ws.visited_.data();
  uint64_t* front = ws.front_.data();
  uint64_t* next_bits = ws.next_bits_.data();
  size_t words = ws.visited_.size();
  if (record_distances) ws.distance_.assign(ws.node_count_, -1);
  int32_t* distance = ws.distance_.data();
  std::fill(ws.visited_.begin(), ws.visited_.end(), 0);
  std::vector<uint32_t>& queue = ws.queue_;
  std::vector<uint32_t>& next = ws.next_;
  queue.assign(1, source);
  SetBit(visited, source);
  if (record_distances) distance[source] = 0;

  BfsSummary summary;
  summary.reached = 1;
  auto add_level = [&](int32_t level, uint64_t count) {
    if (count == 0) return;
    summary.reached += static_cast<uint32_t>(count);
    summary.distance_sum += static_cast<uint64_t>(level) * count;
    summary.eccentricity = static_cast<uint32_t>(level);
  };
  // Beamer's heuristics: go bottom-up when the frontier's arcs exceed 1/alpha of the arcs not
  // yet explored; come back when the frontier shrinks below n / beta.
  constexpr uint64_t kAlpha = 15, kBeta = 18;
  uint64_t edges_to_check = graph.edge_count();
  uint64_t scout = out_offsets[source + 1] - out_offsets[source];
  int32_t level = 0;
  while (!queue.empty()) {
    if (scout > edges_to_check / kAlpha) {
      std::fill(front, front + words, 0);
      for (uint32_t u : queue) SetBit(front, u);
      uint64_t awake = queue.size(), previous;
      do {
        previous = awake;
        awake = 0;
        std::fill(next_bits, next_bits + words, 0);
        ++level;
        for (size_t word = 0; word < words; ++word) {
          uint64_t unvisited = ~visited[word];
          if (word == words - 1 && (n & 63)) unvisited &= (uint64_t{1} << (n & 63)) - 1;
          while (unvisited) {
            uint32_t v = static_cast<uint32_t>(word * 64 + static_cast<size_t>(std::countr_zero(unvisited)));
            unvisited &= unvisited - 1;
            for (uint32_t i = in_offsets[v], end = in_offsets[v + 1]; i < end; ++i) {
              if (TestBit(front, in_source[i])) {
                SetBit(next_bits, v);
                if (record_distances) distance[v] = level;
                ++awake;
                break;
              }
            }
          }
        }
        for (size_t word = 0; word < words; ++word) visited[word] |= next_bits[word];
        add_level(level, awake);
        std::swap(front, next_bits);
      } while (awake >= previous || awake > n / kBeta);
      queue.clear();
      for (size_t word = 0; word < words; ++word) {
        for (uint64_t bits = front[word]; bits; bits &= bits - 1) {
          queue.push_back(static_cast<uint32_t>(word * 64 + static_cast<size_t>(std::countr_zero(bits))));
        }
      }
      scout = 1;
    } else {
      edges_to_check -= std::min(edges_to_check, scout);
      scout = 0;
      ++level;
      next.clear();
      for (uint32_t u : queue) {
        for (uint32_t i = out_offsets[u], end = out_offsets[u + 1]; i < end; ++i) {
          uint32_t v = out_target[i];
          if (TestBit(visited, v)) continue;
          SetBit(visited, v);
          if (record_distances) distance[v] = level;
          next.push_back(v);
          scout += out_offsets[v + 1] - out_offsets[v];
        }
      }
      add_level(level, next.size());
      queue.swap(next);
    }
  }
  // front/next_bits are swapped as local pointers only: the workspace still owns both buffers,
  // and every use clears them first.
  return summary;
}

uint32_t NeighbourhoodSize(const Csr& graph, uint32_t center, int depth, const ViewFilter& filter, SearchWorkspace& ws) {
  const Side side(graph, filter, true);
  uint32_t mark = ws.NextEpoch();
  uint32_t* marks = ws.mark_.data();
  marks[center] = mark;
  uint32_t count = 1;
  std::vector<uint32_t>& frontier = ws.queue_;
  std::vector<uint32_t>& next = ws.next_;
  frontier.assign(1, center);
  for (int level = 1; level <= depth && !frontier.empty(); ++level) {
    bool last = level == depth;
    next.clear();
    for (uint32_t u : frontier) {
      WalkSide(graph, u, side, [&](uint32_t v, uint32_t) {
        if (marks[v] == mark) return false;
        marks[v] = mark;
        ++count;
        if (!last) next.push_back(v);
        return false;
      });
    }
    frontier.swap(next);
  }
  return count;
}

Components WeakComponents(const Csr& graph) {
  const uint32_t n = graph.node_count();
  Components result;
  std::vector<uint32_t>& parent = result.component;
  parent.resize(n);
  for (uint32_t v = 0; v < n; ++v) parent[v] = v;
  // Links the trees of u and v, always hanging the larger root under the smaller, so a root is
  // its component's smallest index.
  auto link = [&](uint32_t u, uint32_t v) {
    uint32_t a = parent[u], b = parent[v];
    while (a != b) {
      uint32_t high = std::max(a, b), low = std::min(a, b);
      uint32_t high_parent = parent[high];
      if (high_parent == low) break;
      if (high_parent == high) {
        parent[high] = low;
        break;
      }
      a = parent[high_parent];
      b = parent[low];
    }
  };
  auto compress = [&] {
    for (uint32_t v = 0; v < n; ++v) {
      while (parent[v] != parent[parent[v]]) parent[v] = parent[parent[v]];
    }
  };
  const uint32_t* out_offsets = graph.out_offsets();
  const uint32_t* out_target = graph.out_target();
  // Afforest: link along the first two out-arcs of every node, find the component most nodes
  // already joined (a sample suffices), then finish only the nodes outside it. Nodes inside it
  // can skip their remaining arcs: an arc from them to an outside node is seen from the other
  // end, which walks its in-arcs too.
  constexpr uint32_t kRounds = 2;
  for (uint32_t round = 0; round < kRounds; ++round) {
    for (uint32_t u = 0; u < n; ++u) {
      if (out_offsets[u] + round < out_offsets[u + 1]) link(u, out_target[out_offsets[u] + round]);
    }
    compress();
  }
  uint32_t frequent = n;
  if (n > 0) {
    std::vector<uint32_t> sample;
    uint64_t state = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 1024; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      sample.push_back(parent[(state >> 33) % n]);
    }
    std::sort(sample.begin(), sample.end());
    size_t best_count = 0;
    for (size_t i = 0; i < sample.size();) {
      size_t j = i;
      while (j < sample.size() && sample[j] == sample[i]) ++j;
      if (j - i > best_count) best_count = j - i, frequent = sample[i];
      i = j;
    }
  }
  for (uint32_t u = 0; u < n; ++u) {
    if (parent[u] == frequent) continue;
    for (uint32_t i = out_offsets[u] + kRounds; i < out_offsets[u + 1]; ++i) link(u, out_target[i]);
    for (uint32_t i = graph.InBegin(u); i < graph.InEnd(u); ++i) link(u, graph.in_source()[i]);
  }
  compress();
  std::vector<uint32_t> size(n, 0);
  for (uint32_t v = 0; v < n; ++v) ++size[parent[v]];
  for (uint32_t v = 0; v < n; ++v) {
    if (size[v] == 0) continue;
    ++result.count;
    result.largest = std::max(result.largest, size[v]);
  }
  return result;
}

void TotalDegree(const Csr& graph, std::span<uint32_t> degree) {
  const uint32_t* out = graph.out_offsets();
  const uint32_t* in = graph.in_offsets();
  uint32_t n = std::min<uint32_t>(graph.node_count(), static_cast<uint32_t>(degree.size()));
  for (uint32_t v = 0; v < n; ++v) degree[v] = (out[v + 1] - out[v]) + (in[v + 1] - in[v]);
}

std::vector<double> PageRank(const Csr& graph, const PageRankOptions& options) {
  if (!(options.damping >= 0 && options.damping < 1)) {
    throw Error(ErrorKind::kInput, "damping must be in [0, 1), found " + std::to_string(options.damping));
  }
  const uint32_t n = graph.node_count();
  if (n == 0) return {};
  const double d = options.damping;
  const uint32_t* out_offsets = graph.out_offsets();
  const uint32_t* in_offsets = graph.in_offsets();
  const uint32_t* in_source = graph.in_source();
  int threads = std::max(1, std::min(options.threads, static_cast<int>(std::max<uint32_t>(1, n / 4096))));
  // Node ranges with about the same number of in-arcs each, one per thread.
  std::vector<uint32_t> bounds(static_cast<size_t>(threads) + 1, n);
  bounds[0] = 0;
  for (int t = 1; t < threads; ++t) {
    uint64_t goal = uint64_t{graph.edge_count()} * static_cast<uint64_t>(t) / static_cast<uint64_t>(threads);
    bounds[static_cast<size_t>(t)] = static_cast<uint32_t>(std::lower_bound(in_offsets, in_offsets + n, goal) - in_offsets);
  }
  // Power iteration (Jacobi): a round reads only the previous round's shares, so the rank is
  // updated in place and the shares (rank / out-degree, 0 when dangling) are double-buffered;
  // one barrier per round. Shares are floats: half the bytes to gather, 1e-7 relative
  // rounding, far inside the 1e-6 stopping change. (Gauss-Seidel sweeps were tried: the total
  // mass then converges only like d^k, which takes more rounds, not fewer.)
  std::vector<double> rank(n, 1.0 / n);
  std::vector<float> share[2] = {std::vector<float>(n), std::vector<float>(n)};
  double dangling = 0;
  for (uint32_t u = 0; u < n; ++u) {
    uint32_t degree = out_offsets[u + 1] - out_offsets[u];
    if (degree == 0) dangling += rank[u];
    share[0][u] = degree ? static_cast<float>(rank[u] / degree) : 0.0f;
  }
  struct alignas(64) Partial {
    double change = 0, dangling = 0;
  };
  std::vector<Partial> partial(static_cast<size_t>(threads));
  int current = 0, rounds = 0;
  bool done = false;
  auto finish_round = [&]() noexcept {
    double change = 0;
    dangling = 0;
    for (const Partial& p : partial) change += p.change, dangling += p.dangling;
    current ^= 1;
    ++rounds;
    done = change < options.tolerance || rounds >= options.max_iterations;
  };
  std::barrier sync(threads, finish_round);
  RunThreads(threads, [&](int worker) {
    uint32_t begin = bounds[static_cast<size_t>(worker)], end = bounds[static_cast<size_t>(worker) + 1];
    while (!done) {
      const float* old_share = share[current].data();
      float* new_share = share[current ^ 1].data();
      double base = (1 - d) / n + d * dangling / n;
      double change = 0, new_dangling = 0;
      for (uint32_t v = begin; v < end; ++v) {
        // Four partial sums: one chain of dependent additions would cap the loop at one arc
        // per floating-point add latency.
        double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
        uint32_t i = in_offsets[v];
        const uint32_t stop = in_offsets[v + 1];
        for (; i + 4 <= stop; i += 4) {
          sum0 += old_share[in_source[i]];
          sum1 += old_share[in_source[i + 1]];
          sum2 += old_share[in_source[i + 2]];
          sum3 += old_share[in_source[i + 3]];
        }
        for (; i < stop; ++i) sum0 += old_share[in_source[i]];
        double value = base + d * ((sum0 + sum1) + (sum2 + sum3));
        change += std::abs(value - rank[v]);
        rank[v] = value;
        uint32_t degree = out_offsets[v + 1] - out_offsets[v];
        if (degree == 0) {
          new_dangling += value;
          new_share[v] = 0;
        } else {
          new_share[v] = static_cast<float>(value / degree);
        }
      }
      partial[static_cast<size_t>(worker)] = Partial{change, new_dangling};
      sync.arrive_and_wait();
    }
  });
  return rank;
}

std::vector<double> Betweenness(const Csr& graph, std::span<const uint32_t> sources, int threads) {
  const uint32_t n = graph.node_count();
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<size_t>(1, sources.size()))));
  const uint32_t* out_offsets = graph.out_offsets();
  const uint32_t* out_target = graph.out_target();
  std::vector<std::vector<double>> scores(static_cast<size_t>(threads));
  std::atomic<size_t> next_source{0};
  RunThreads(threads, [&](int worker) {
    std::vector<double>& score = scores[static_cast<size_t>(worker)];
    score.assign(n, 0.0);
    std::vector<int32_t> distance(n, -1);
    // sigma: shortest-path counts (doubles: they overflow 64-bit integers on large graphs);
    // ratio: (1 + delta(w)) / sigma(w), what a predecessor of w adds per path it has.
    std::vector<double> sigma(n), ratio(n);
    std::vector<uint32_t> order(n);
    // The shortest-path DAG as it is found: successors one level down of order[i] are
    // dag[dag_begin[i], dag_begin[i + 1]). The backward pass then reads only DAG arcs and no
    // distances (half the random reads of re-testing every out-arc's level).
    std::vector<uint32_t> dag(graph.edge_count()), dag_begin(size_t{n} + 1);
    for (size_t k; (k = next_source.fetch_add(1, std::memory_order_relaxed)) < sources.size();) {
      uint32_t s = sources[k];
      distance[s] = 0;
      sigma[s] = 1;
      order[0] = s;
      size_t tail = 1;
      uint32_t dag_size = 0;
      for (size_t head = 0; head < tail; ++head) {
        uint32_t u = order[head];
        dag_begin[head] = dag_size;
        int32_t next_level = distance[u] + 1;
        double paths = sigma[u];
        for (uint32_t i = out_offsets[u], end = out_offsets[u + 1]; i < end; ++i) {
          uint32_t v = out_target[i];
          int32_t level = distance[v];
          if (level < 0) {
            distance[v] = next_level;
            sigma[v] = paths;
            order[tail++] = v;
            dag[dag_size++] = v;
          } else if (level == next_level) {
            sigma[v] += paths;
            dag[dag_size++] = v;
          }
        }
      }
      dag_begin[tail] = dag_size;
      // Dependencies in reverse BFS order: every DAG successor is deeper, so its ratio is
      // final. order[0] is the source, whose own dependency is not betweenness: stop before it.
      for (size_t i = tail; i-- > 1;) {
        uint32_t w = order[i];
        double sum = 0;
        for (uint32_t a = dag_begin[i], end = dag_begin[i + 1]; a < end; ++a) sum += ratio[dag[a]];
        double delta = sigma[w] * sum;
        ratio[w] = (1 + delta) / sigma[w];
        score[w] += delta;
      }
      for (size_t i = 0; i < tail; ++i) distance[order[i]] = -1;
    }
  });
  std::vector<double> total = std::move(scores[0]);
  for (size_t t = 1; t < scores.size(); ++t) {
    for (uint32_t v = 0; v < n; ++v) total[v] += scores[t][v];
  }
  return total;
}

std::vector<double> OutCloseness(const Csr& graph, int threads) {
  const uint32_t n = graph.node_count();
  std::vector<double> closeness(n, 0.0);
  threads = std::max(1, std::min<int>(threads, static_cast<int>(std::max<uint32_t>(1, n))));
  std::atomic<uint32_t> next_node{0};
  RunThreads(threads, [&](int) {
    SearchWorkspace workspace(n);
    for (uint32_t v; (v = next_node.fetch_add(1, std::memory_order_relaxed)) < n;) {
      BfsSummary summary = BreadthFirst(graph, v, false, workspace);
      closeness[v] = summary.reached > 1 ? static_cast<double>(summary.reached - 1) / static_cast<double>(summary.distance_sum) : 0.0;
    }
  });
  return closeness;
}

}  // namespace relgraph::query
