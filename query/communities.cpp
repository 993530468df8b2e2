// Leiden and Louvain on the undirected connection graph; the definitions are in communities.h.
#include "query/communities.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

#include "common/error.h"

namespace relgraph::query {
namespace {

// splitmix64 (Steele, Lea, Flood 2014): our own, so answers do not depend on the standard
// library's distributions, whose output is implementation-defined.
__extension__ using Wide = unsigned __int128;

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound) (bound > 0), by Lemire's multiply-shift (bias < bound / 2^64).
  uint32_t Below(uint32_t bound) { return static_cast<uint32_t>((static_cast<Wide>(Next()) * bound) >> 64); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Below(static_cast<uint32_t>(i))]);
  }

 private:
  uint64_t state_;
};

// One level of the algorithm: a weighted graph without self-loops in its arrays; a node's
// self-loop weight (edges inside the community it stands for, counted at both ends) is kept
// apart. strength = sum of the node's arc weights + its self-loop weight; total = sum of all
// strengths (2m at the first level).
struct Level {
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> targets;
  std::vector<double> weights;
  std::vector<double> self_loop;
  std::vector<double> strength;
  double total = 0;
  uint32_t size() const { return static_cast<uint32_t>(strength.size()); }
};

Level FirstLevel(const SimpleGraph& graph) {
  Level level;
  level.offsets = graph.offsets;
  level.targets = graph.neighbours;
  level.weights.assign(graph.neighbours.size(), 1.0);
  level.self_loop.assign(graph.node_count(), 0.0);
  level.strength.resize(graph.node_count());
  for (uint32_t node = 0; node < graph.node_count(); ++node) level.strength[node] = graph.degree(node);
  level.total = static_cast<double>(graph.neighbours.size());
  return level;
}

// Accumulates weights per community label for one node's neighbours, touching only the labels
// seen (so a pass costs O(degree), not O(communities)).
class LabelWeights {
 public:
  explicit LabelWeights(uint32_t labels) : weight_(labels, 0.0), seen_(labels, 0) {}
  void Add(uint32_t label, double weight) {
    if (!seen_[label]) seen_[label] = 1, touched_.push_back(label);
    weight_[label] += weight;
  }
  double Get(uint32_t label) const { return weight_[label]; }
  const std::vector<uint32_t>& touched() const { return touched_; }
  void SortTouched() { std::sort(touched_.begin(), touched_.end()); }
  void Clear() {
    for (uint32_t label : touched_) weight_[label] = 0, seen_[label] = 0;
    touched_.clear();
  }

 private:
  std::vector<double> weight_;
  std::vector<char> seen_;
  std::vector<uint32_t> touched_;
};

// Gains are in units of edge weight: moving node v (strength k) into community C changes
// 2m * Q by 2 * (w(v, C) - R * k * K_C / 2m), K_C without v; the factor 2 is dropped.

// Leiden's fast local moving (also our Louvain's): visit nodes from a queue, move each to the
// community of best gain (an empty one counts, gain 0), requeue its neighbours outside its new
// community. Labels are < level.size(). Returns whether any node moved.
bool MoveNodes(const Level& level, double resolution, Random& random, std::vector<uint32_t>& community, LabelWeights& weights) {
  uint32_t n = level.size();
  std::vector<double> community_strength(n, 0.0);
  std::vector<uint32_t> community_size(n, 0);
  for (uint32_t node = 0; node < n; ++node) {
    community_strength[community[node]] += level.strength[node];
    ++community_size[community[node]];
  }
  std::vector<uint32_t> empty;
  for (uint32_t label = n; label-- > 0;) {
    if (community_size[label] == 0) empty.push_back(label);
  }
  std::vector<uint32_t> queue(n);
  std::iota(queue.begin(), queue.end(), 0u);
  random.Shuffle(queue);
  std::vector<char> queued(n, 1);
  size_t head = 0;
  // A ring buffer of at most n entries: a node is in it at most once.
  size_t count = n;
  bool moved = false;
  const double scale = resolution / level.total;
  while (count > 0) {
    uint32_t node = queue[head];
    head = (head + 1) % n;
    --count;
    queued[node] = 0;
    uint32_t own = community[node];
    double k = level.strength[node];
    for (uint32_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
      weights.Add(community[level.targets[arc]], level.weights[arc]);
    }
    community_strength[own] -= k;
    --community_size[own];
    uint32_t best = own;
    double best_gain = weights.Get(own) - scale * k * community_strength[own];
    for (uint32_t label : weights.touched()) {
      double gain = weights.Get(label) - scale * k * community_strength[label];
      if (gain > best_gain + 1e-12) best = label, best_gain = gain;
    }
    if (best_gain < -1e-12 && community_size[own] > 0) {
      // Alone is better than anywhere; an empty community takes it.
      best = empty.back();
      best_gain = 0;
    }
    weights.Clear();
    if (community_size[own] == 0 && best != own) empty.push_back(own);
    if (best != own && community_size[best] == 0) {
      // Taking the empty community from the stack (it is the last entry unless own was just
      // pushed above it).
      auto it = std::find(empty.rbegin(), empty.rend(), best);
      empty.erase(std::next(it).base());
    }
    community_strength[best] += k;
    ++community_size[best];
    community[node] = best;
    if (best == own) continue;
    moved = true;
    for (uint32_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
      uint32_t neighbour = level.targets[arc];
      if (!queued[neighbour] && community[neighbour] != best) {
        queued[neighbour] = 1;
        queue[(head + count) % n] = neighbour;
        ++count;
      }
    }
  }
  return moved;
}

// Leiden's refinement: inside each community of `community`, start from singletons and merge
// each well-connected singleton into a well-connected sub-community of non-negative gain.
// Returns the refined labels (< level.size()).
std::vector<uint32_t> Refine(const Level& level, double resolution, Random& random, const std::vector<uint32_t>& community,
                             LabelWeights& weights) {
  uint32_t n = level.size();
  const double scale = resolution / level.total;
  constexpr double kTheta = 0.01;
  std::vector<uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0u);
  std::vector<double> refined_strength = level.strength;
  std::vector<uint32_t> refined_size(n, 1);
  // Members of each community, in a random order (the order nodes are considered in).
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  random.Shuffle(order);
  std::vector<uint32_t> start(n + 1, 0);
  for (uint32_t node = 0; node < n; ++node) ++start[community[node] + 1];
  for (uint32_t label = 0; label < n; ++label) start[label + 1] += start[label];
  std::vector<uint32_t> members(n);
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t node : order) members[fill[community[node]]++] = node;
  }
  std::vector<double> community_strength(n, 0.0);
  for (uint32_t node = 0; node < n; ++node) community_strength[community[node]] += level.strength[node];
  // external[c]: weight from refined community c to the rest of its community.
  std::vector<double> external(n, 0.0);
  for (uint32_t node = 0; node < n; ++node) {
    for (uint32_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
      if (community[level.targets[arc]] == community[node]) external[node] += level.weights[arc];
    }
  }
  std::vector<uint32_t> candidates;
  std::vector<double> candidate_gain;
  for (uint32_t label = 0; label < n; ++label) {
    double total_strength = community_strength[label];
    for (uint32_t slot = start[label]; slot < start[label + 1]; ++slot) {
      uint32_t node = members[slot];
      double k = level.strength[node];
      // Only singletons move, and only if well connected to the rest of their community.
      if (refined_size[refined[node]] != 1) continue;
      if (external[node] < scale * k * (total_strength - k) - 1e-12) continue;
      for (uint32_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
        uint32_t neighbour = level.targets[arc];
        if (community[neighbour] == label) weights.Add(refined[neighbour], level.weights[arc]);
      }
      uint32_t own = refined[node];
      candidates.assign(1, own);
      candidate_gain.assign(1, 0.0);
      double best_gain = 0;
      for (uint32_t target : weights.touched()) {
        if (target == own) continue;
        double target_strength = refined_strength[target];
        if (external[target] < scale * target_strength * (total_strength - target_strength) - 1e-12) continue;
        double gain = weights.Get(target) - scale * k * target_strength;
        if (gain < 0) continue;
        candidates.push_back(target);
        candidate_gain.push_back(gain);
        best_gain = std::max(best_gain, gain);
      }
      uint32_t chosen = own;
      if (candidates.size() > 1) {
        double sum = 0;
        for (double& gain : candidate_gain) sum += (gain = std::exp((gain - best_gain) / kTheta));
        double pick = random.Unit() * sum;
        chosen = candidates.back();
        for (size_t i = 0; i < candidates.size(); ++i) {
          if (pick < candidate_gain[i]) {
            chosen = candidates[i];
            break;
          }
          pick -= candidate_gain[i];
        }
      }
      if (chosen != own) {
        external[chosen] += external[own] - 2 * weights.Get(chosen);
        refined_strength[chosen] += k;
        refined_strength[own] = 0;
        ++refined_size[chosen];
        refined_size[own] = 0;
        refined[node] = chosen;
      }
      weights.Clear();
    }
  }
  return refined;
}

// Relabels to 0..count-1 in order of first appearance; returns count.
uint32_t Compact(std::vector<uint32_t>& labels) {
  std::vector<uint32_t> map(labels.size(), UINT32_MAX);
  uint32_t count = 0;
  for (uint32_t& label : labels) {
    if (map[label] == UINT32_MAX) map[label] = count++;
    label = map[label];
  }
  return count;
}

// The graph whose nodes are the groups of `group` (labels 0..count-1).
Level Aggregate(const Level& level, const std::vector<uint32_t>& group, uint32_t count, LabelWeights& weights) {
  Level next;
  next.self_loop.assign(count, 0.0);
  next.strength.assign(count, 0.0);
  next.total = level.total;
  std::vector<uint32_t> start(count + 1, 0), members(level.size());
  for (uint32_t node = 0; node < level.size(); ++node) ++start[group[node] + 1];
  for (uint32_t label = 0; label < count; ++label) start[label + 1] += start[label];
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t node = 0; node < level.size(); ++node) members[fill[group[node]]++] = node;
  }
  next.offsets.reserve(static_cast<size_t>(count) + 1);
  next.targets.reserve(level.targets.size());
  next.weights.reserve(level.targets.size());
  for (uint32_t label = 0; label < count; ++label) {
    for (uint32_t slot = start[label]; slot < start[label + 1]; ++slot) {
      uint32_t node = members[slot];
      next.strength[label] += level.strength[node];
      next.self_loop[label] += level.self_loop[node];
      for (uint32_t arc = level.offsets[node]; arc < level.offsets[node + 1]; ++arc) {
        uint32_t other = group[level.targets[arc]];
        if (other == label) {
          next.self_loop[label] += level.weights[arc];
        } else {
          weights.Add(other, level.weights[arc]);
        }
      }
    }
    // Sorted rows keep the answer independent of the order arcs were met in.
    weights.SortTouched();
    for (uint32_t other : weights.touched()) {
      next.targets.push_back(other);
      next.weights.push_back(weights.Get(other));
    }
    next.offsets.push_back(static_cast<uint32_t>(next.targets.size()));
    weights.Clear();
  }
  return next;
}

// One run of Leiden (refine = true) or Louvain from a partition of the first level's nodes.
std::vector<uint32_t> RunLevels(const Level& first, const std::vector<uint32_t>& initial, double resolution, bool refine,
                                Random& random, LabelWeights& weights) {
  // The first level is only read; aggregates are owned here.
  Level aggregate;
  const Level* current = &first;
  std::vector<uint32_t> community = initial;
  Compact(community);
  // The node of the current level that each first-level node has become.
  std::vector<uint32_t> node_of(first.size());
  std::iota(node_of.begin(), node_of.end(), 0u);
  while (true) {
    const Level& level = *current;
    MoveNodes(level, resolution, random, community, weights);
    uint32_t communities = Compact(community);
    if (communities == level.size()) break;
    std::vector<uint32_t> group = refine ? Refine(level, resolution, random, community, weights) : community;
    uint32_t groups = Compact(group);
    if (groups == level.size()) {
      // Refinement kept every node alone: aggregation would not shrink the graph, and the
      // moves are done.
      break;
    }
    std::vector<uint32_t> next_community(groups);
    for (uint32_t node = 0; node < level.size(); ++node) next_community[group[node]] = community[node];
    for (uint32_t& node : node_of) node = group[node];
    aggregate = Aggregate(level, group, groups, weights);
    current = &aggregate;
    community = refine ? next_community : [&] {
      std::vector<uint32_t> alone(groups);
      std::iota(alone.begin(), alone.end(), 0u);
      return alone;
    }();
  }
  std::vector<uint32_t> membership(first.size());
  for (uint32_t node = 0; node < first.size(); ++node) membership[node] = community[node_of[node]];
  return membership;
}

// Splits every community into its connected parts (within the community).
std::vector<uint32_t> SplitDisconnected(const SimpleGraph& graph, const std::vector<uint32_t>& membership) {
  uint32_t n = graph.node_count();
  std::vector<uint32_t> part(n, UINT32_MAX), stack;
  uint32_t count = 0;
  for (uint32_t start = 0; start < n; ++start) {
    if (part[start] != UINT32_MAX) continue;
    part[start] = count;
    stack.push_back(start);
    while (!stack.empty()) {
      uint32_t node = stack.back();
      stack.pop_back();
      for (const uint32_t* it = graph.begin(node); it != graph.end(node); ++it) {
        if (part[*it] == UINT32_MAX && membership[*it] == membership[node]) {
          part[*it] = count;
          stack.push_back(*it);
        }
      }
    }
    ++count;
  }
  return part;
}

// Leiden iterations, each from the previous answer, stop after an iteration that gains less
// than a share of modularity: on large graphs an iteration costs seconds and the later ones
// gain little (0.2% each on 1M edges), on small ones they are cheap and worth it.
constexpr uint64_t kLargeGraphEdges = 100000;
constexpr int kMaxIterations = 50, kMaxIterationsLarge = 10;
constexpr double kRelativeGain = 1e-6, kRelativeGainLarge = 0.005;
// Independent starts on graphs up to kLargeGraphEdges edges, the best kept.
constexpr int kSmallGraphStarts = 4;

}  // namespace

double Modularity(const SimpleGraph& graph, const std::vector<uint32_t>& membership, double resolution) {
  uint32_t n = graph.node_count();
  double m = static_cast<double>(graph.edge_count());
  if (m == 0) return 0;
  std::vector<double> inside(n, 0.0), degree(n, 0.0);
  for (uint32_t node = 0; node < n; ++node) {
    degree[membership[node]] += graph.degree(node);
    for (const uint32_t* it = graph.begin(node); it != graph.end(node); ++it) {
      if (membership[*it] == membership[node]) inside[membership[node]] += 0.5;  // seen from both ends
    }
  }
  double quality = 0;
  for (uint32_t label = 0; label < n; ++label) {
    if (degree[label] == 0) continue;
    double share = degree[label] / (2 * m);
    quality += inside[label] / m - resolution * share * share;
  }
  return quality;
}

CommunityResult DetectCommunities(const SimpleGraph& graph, const CommunityOptions& options) {
  if (!std::isfinite(options.resolution) || options.resolution < 0) {
    throw Error(ErrorKind::kUsage, "--resolution expects a finite number >= 0");
  }
  uint32_t n = graph.node_count();
  Random random(options.seed);
  Level first = FirstLevel(graph);
  std::vector<uint32_t> membership(n);
  std::iota(membership.begin(), membership.end(), 0u);
  if (graph.edge_count() > 0) {
    bool leiden = options.method == CommunityMethod::kLeiden;
    bool large = graph.edge_count() > kLargeGraphEdges;
    // One scratch table for every level, iteration and start: fresh zeroed pages cost more
    // than the work on them.
    LabelWeights weights(n);
    // Small graphs get several starts (visiting orders) and keep the best; the first start
    // uses the seed itself, the others seeds drawn from it.
    int starts = leiden && !large ? kSmallGraphStarts : 1;
    double best_quality = -1e300;
    for (int start = 0; start < starts; ++start) {
      std::vector<uint32_t> candidate(n);
      std::iota(candidate.begin(), candidate.end(), 0u);
      candidate = RunLevels(first, candidate, options.resolution, leiden, random, weights);
      if (leiden) {
        double quality = Modularity(graph, candidate, options.resolution);
        const int max_iterations = large ? kMaxIterationsLarge : kMaxIterations;
        const double relative_gain = large ? kRelativeGainLarge : kRelativeGain;
        for (int iteration = 1; iteration < max_iterations; ++iteration) {
          std::vector<uint32_t> next = RunLevels(first, candidate, options.resolution, true, random, weights);
          double next_quality = Modularity(graph, next, options.resolution);
          if (next_quality <= quality) break;
          candidate = std::move(next);
          bool small_gain = next_quality - quality < relative_gain * std::abs(next_quality);
          quality = next_quality;
          if (small_gain) break;
        }
        candidate = SplitDisconnected(graph, candidate);
      }
      double quality = starts > 1 ? Modularity(graph, candidate, options.resolution) : 0;
      if (start == 0 || quality > best_quality + 1e-12) membership = std::move(candidate), best_quality = quality;
    }
  }
  CommunityResult result;
  std::vector<std::vector<uint32_t>> groups(n);
  for (uint32_t node = 0; node < n; ++node) groups[membership[node]].push_back(node);
  std::erase_if(groups, [](const auto& group) { return group.empty(); });
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a.front() < b.front();
  });
  result.membership.assign(n, 0);
  for (uint32_t label = 0; label < groups.size(); ++label) {
    for (uint32_t node : groups[label]) result.membership[node] = label;
  }
  result.communities = std::move(groups);
  result.modularity = Modularity(graph, result.membership, options.resolution);
  return result;
}

CommunityChanges CompareCommunities(const std::vector<std::vector<std::string>>& before,
                                    const std::vector<std::vector<std::string>>& after) {
  std::unordered_map<std::string, uint32_t> old_of;
  for (uint32_t c = 0; c < before.size(); ++c) {
    for (const std::string& id : before[c]) old_of[id] = c;
  }
  // overlap[(old, new)] over entities in both versions, and each side's size restricted to them.
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> overlap;
  std::vector<uint32_t> old_size(before.size(), 0), new_size(after.size(), 0);
  for (uint32_t c = 0; c < after.size(); ++c) {
    for (const std::string& id : after[c]) {
      auto it = old_of.find(id);
      if (it == old_of.end()) continue;
      ++overlap[{it->second, c}];
      ++old_size[it->second];
      ++new_size[c];
    }
  }
  auto substantial = [](uint32_t shared, uint32_t whole) { return shared >= 2 && 5 * shared >= whole; };
  std::map<uint32_t, std::vector<CommunityPiece>> split_parts, merge_parts;
  for (const auto& [pair, shared] : overlap) {
    if (substantial(shared, old_size[pair.first])) split_parts[pair.first].push_back({pair.second, shared});
    if (substantial(shared, new_size[pair.second])) merge_parts[pair.second].push_back({pair.first, shared});
  }
  auto collect = [](std::map<uint32_t, std::vector<CommunityPiece>>& parts) {
    std::vector<CommunityChange> changes;
    for (auto& [community, pieces] : parts) {
      if (pieces.size() < 2) continue;
      std::sort(pieces.begin(), pieces.end(), [](const CommunityPiece& a, const CommunityPiece& b) {
        return a.shared != b.shared ? a.shared > b.shared : a.community < b.community;
      });
      changes.push_back({community, pieces});
    }
    return changes;
  };
  return {collect(split_parts), collect(merge_parts)};
}

}  // namespace relgraph::query
