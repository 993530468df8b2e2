#include "query/centrality.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <random>
#include <thread>

#include "common/error.h"

namespace relgraph::query {
namespace {

// Runs fn(source, state) for every source, split over `threads` workers, each with its own
// State (made by make_state). Returns the states so callers can add them up in a fixed order.
// The calling thread (worker 0) reports progress (options.progress) every 8 of its sources
// with the count done by all workers, and once more at the end.
template <typename State, typename MakeState, typename Fn>
std::vector<State> ParallelOverSources(const std::vector<uint32_t>& sources, int threads, MakeState make_state, Fn fn,
                                       const std::function<void(size_t, size_t)>& progress = {}) {
  size_t workers = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), sources.size()));
  std::vector<State> states;
  for (size_t w = 0; w < workers; ++w) states.push_back(make_state());
  std::atomic<size_t> done{0};
  auto run = [&](size_t worker) {
    // Interleaved split: neighbouring sources cost alike, so each worker gets a fair share.
    size_t mine = 0;
    for (size_t i = worker; i < sources.size(); i += workers) {
      fn(sources[i], states[worker]);
      done.fetch_add(1, std::memory_order_relaxed);
      if (worker == 0 && progress && ++mine % 8 == 0) progress(done.load(std::memory_order_relaxed), sources.size());
    }
  };
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(run, w);
  run(0);
  for (auto& thread : pool) thread.join();
  if (progress) progress(sources.size(), sources.size());
  return states;
}

std::vector<double> Degree(const Csr& view, Measure measure, const CentralityOptions& options) {
  uint32_t n = view.node_count();
  std::vector<double> score(n, 0);
  ViewFilter undirected = options.filter;
  undirected.direction = Direction::kBoth;
  for (uint32_t u = 0; u < n; ++u) {
    size_t count = 0;
    auto counter = [&](uint32_t, double, RelationIndex) { ++count; };
    if (measure == Measure::kDegree) {
      view.ForEachSuccessor(u, undirected, counter);
    } else if (measure == Measure::kOutDegree) {
      view.ForEachSuccessor(u, options.filter, counter);
    } else {
      view.ForEachPredecessor(u, options.filter, counter);
    }
    score[u] = static_cast<double>(count);
  }
  if (options.normalized && n > 1) {
    for (double& value : score) value /= static_cast<double>(n - 1);
  }
  return score;
}

struct BrandesState {
  std::vector<double> score, sigma, delta;
  std::vector<int32_t> distance;
  std::vector<uint32_t> order;
  explicit BrandesState(uint32_t n) : score(n, 0), sigma(n, 0), delta(n, 0), distance(n, -1) { order.reserve(n); }
};

// One source of Brandes' algorithm: BFS counting shortest paths, then dependencies in reverse
// order. Predecessors are found again by distance instead of stored lists, which keeps memory
// at O(n) per thread.
void BrandesFrom(const Csr& view, const ViewFilter& filter, uint32_t source, BrandesState& state) {
  state.order.clear();
  state.distance[source] = 0;
  state.sigma[source] = 1;
  state.order.push_back(source);
  for (size_t head = 0; head < state.order.size(); ++head) {
    uint32_t u = state.order[head];
    view.ForEachSuccessor(u, filter, [&](uint32_t v, double, RelationIndex) {
      if (state.distance[v] < 0) {
        state.distance[v] = state.distance[u] + 1;
        state.order.push_back(v);
      }
      if (state.distance[v] == state.distance[u] + 1) state.sigma[v] += state.sigma[u];
    });
  }
  for (size_t i = state.order.size(); i-- > 0;) {
    uint32_t w = state.order[i];
    view.ForEachPredecessor(w, filter, [&](uint32_t v, double, RelationIndex) {
      if (state.distance[v] >= 0 && state.distance[v] + 1 == state.distance[w]) {
        state.delta[v] += state.sigma[v] / state.sigma[w] * (1 + state.delta[w]);
      }
    });
    if (w != source) state.score[w] += state.delta[w];
  }
  for (uint32_t v : state.order) {  // reset only what was touched
    state.distance[v] = -1;
    state.sigma[v] = 0;
    state.delta[v] = 0;
  }
}

std::vector<double> Betweenness(const Csr& view, const CentralityOptions& options) {
  uint32_t n = view.node_count();
  std::vector<uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0);
  bool sampled = options.sample > 0 && options.sample < n;
  if (sampled) {
    std::mt19937_64 generator(options.seed);
    std::shuffle(sources.begin(), sources.end(), generator);
    sources.resize(options.sample);
    std::sort(sources.begin(), sources.end());
  }
  auto states = ParallelOverSources<BrandesState>(
      sources, options.threads, [n] { return BrandesState(n); },
      [&](uint32_t source, BrandesState& state) { BrandesFrom(view, options.filter, source, state); }, options.progress);
  std::vector<double> score(n, 0);
  for (const BrandesState& state : states) {
    for (uint32_t v = 0; v < n; ++v) score[v] += state.score[v];
  }
  bool directed = options.filter.direction != Direction::kBoth;
  double pairs_n = static_cast<double>(n) - 1;  // N in NetworkX's _rescale (endpoints=False)
  if (pairs_n < 2) return std::vector<double>(n, 0.0);
  double correction = directed ? 1 : 2;
  std::vector<uint8_t> is_source(n, 0);
  for (uint32_t s : sources) is_source[s] = 1;
  double k = static_cast<double>(sources.size());
  for (uint32_t v = 0; v < n; ++v) {
    double scale;
    if (!sampled) {
      scale = options.normalized ? 1 / (pairs_n * (pairs_n - 1)) : 1 / correction;
    } else if (options.normalized) {
      scale = is_source[v] ? (k > 1 ? 1 / ((k - 1) * (pairs_n - 1)) : 0) : 1 / (k * (pairs_n - 1));
    } else {
      scale = is_source[v] ? (k > 1 ? pairs_n / ((k - 1) * correction) : 0) : pairs_n / (k * correction);
    }
    score[v] *= scale;
  }
  return score;
}

struct DistanceState {
  std::vector<double> score;
  std::vector<int32_t> distance;
  std::vector<uint32_t> queue;
  explicit DistanceState(uint32_t n) : score(n, 0), distance(n, -1) { queue.reserve(n); }
};

// Closeness and harmonic: a BFS towards each node u over predecessors gives d(v, u) for all v.
std::vector<double> DistanceBased(const Csr& view, Measure measure, const CentralityOptions& options) {
  uint32_t n = view.node_count();
  std::vector<uint32_t> nodes(n);
  std::iota(nodes.begin(), nodes.end(), 0);
  auto states = ParallelOverSources<DistanceState>(
      nodes, options.threads, [n] { return DistanceState(n); },
      [&](uint32_t u, DistanceState& state) {
        state.queue.clear();
        state.queue.push_back(u);
        state.distance[u] = 0;
        double total = 0, harmonic = 0;
        for (size_t head = 0; head < state.queue.size(); ++head) {
          uint32_t w = state.queue[head];
          view.ForEachPredecessor(w, options.filter, [&](uint32_t v, double, RelationIndex) {
            if (state.distance[v] >= 0) return;
            state.distance[v] = state.distance[w] + 1;
            total += state.distance[v];
            harmonic += 1.0 / state.distance[v];
            state.queue.push_back(v);
          });
        }
        double reached = static_cast<double>(state.queue.size() - 1);
        if (measure == Measure::kHarmonic) {
          state.score[u] = harmonic;
        } else {
          state.score[u] = (total > 0 && n > 1) ? (reached / total) * (reached / (n - 1)) : 0.0;
        }
        for (uint32_t v : state.queue) state.distance[v] = -1;
      },
      options.progress);
  std::vector<double> score(n, 0);
  for (const DistanceState& state : states) {
    for (uint32_t v = 0; v < n; ++v) score[v] += state.score[v];
  }
  if (measure == Measure::kHarmonic && options.normalized && n > 1) {
    for (double& value : score) value /= static_cast<double>(n - 1);
  }
  return score;
}

std::vector<double> PageRank(const Csr& view, const CentralityOptions& options) {
  constexpr double kDamping = 0.85;
  uint32_t n = view.node_count();
  if (n == 0) return {};
  std::vector<double> out_degree(n, 0);
  for (uint32_t u = 0; u < n; ++u) {
    view.ForEachSuccessor(u, options.filter, [&](uint32_t, double, RelationIndex) { out_degree[u] += 1; });
  }
  // Pull formulation: each node sums its predecessors' shares, so rounds need no atomics.
  std::vector<uint32_t> offsets(n + 1, 0), predecessors;
  for (uint32_t v = 0; v < n; ++v) {
    view.ForEachPredecessor(v, options.filter, [&](uint32_t u, double, RelationIndex) { predecessors.push_back(u); });
    offsets[v + 1] = static_cast<uint32_t>(predecessors.size());
  }
  std::vector<double> rank(n, 1.0 / n), next(n), share(n);
  for (int round = 0; round < 10000; ++round) {
    double dangling = 0;
    for (uint32_t u = 0; u < n; ++u) {
      if (out_degree[u] == 0) {
        dangling += rank[u];
        share[u] = 0;
      } else {
        share[u] = rank[u] / out_degree[u];
      }
    }
    double base = (1 - kDamping) / n + kDamping * dangling / n;
    double change = 0;
    for (uint32_t v = 0; v < n; ++v) {
      double sum = 0;
      for (uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) sum += share[predecessors[i]];
      next[v] = base + kDamping * sum;
      change += std::abs(next[v] - rank[v]);
    }
    rank.swap(next);
    if (change < 1e-13) break;
  }
  return rank;
}

}  // namespace

Measure ParseMeasure(const std::string& name) {
  if (name == "degree") return Measure::kDegree;
  if (name == "in-degree") return Measure::kInDegree;
  if (name == "out-degree") return Measure::kOutDegree;
  if (name == "betweenness") return Measure::kBetweenness;
  if (name == "closeness") return Measure::kCloseness;
  if (name == "harmonic") return Measure::kHarmonic;
  if (name == "pagerank") return Measure::kPageRank;
  throw Error(ErrorKind::kUsage, "--measure expects degree, in-degree, out-degree, betweenness, closeness, harmonic or pagerank, found '" + name + "'");
}

std::string MeasureName(Measure measure) {
  switch (measure) {
    case Measure::kDegree: return "degree";
    case Measure::kInDegree: return "in-degree";
    case Measure::kOutDegree: return "out-degree";
    case Measure::kBetweenness: return "betweenness";
    case Measure::kCloseness: return "closeness";
    case Measure::kHarmonic: return "harmonic";
    case Measure::kPageRank: return "pagerank";
  }
  return "";
}

std::vector<double> Centrality(const Csr& view, Measure measure, const CentralityOptions& options) {
  bool undirected = options.filter.direction == Direction::kBoth;
  if (undirected && (measure == Measure::kInDegree || measure == Measure::kOutDegree)) {
    throw Error(ErrorKind::kUsage, MeasureName(measure) + " needs a directed graph: use --direction out (the default)");
  }
  switch (measure) {
    case Measure::kDegree:
    case Measure::kInDegree:
    case Measure::kOutDegree: return Degree(view, measure, options);
    case Measure::kBetweenness: return Betweenness(view, options);
    case Measure::kCloseness:
    case Measure::kHarmonic: return DistanceBased(view, measure, options);
    case Measure::kPageRank: return PageRank(view, options);
  }
  return {};
}

}  // namespace relgraph::query
