// Entity lookup by id, name or alias, insensitive to Unicode normalisation form and case.
#include <algorithm>
#include <set>

#include "common/error.h"
#include "common/text.h"
#include "graph/graph.h"

namespace relgraph {

std::set<std::string> MatchKeysOf(const Entity& entity) {
  std::set<std::string> keys = {MatchKey(entity.id), MatchKey(entity.name)};
  for (const std::string& alias : entity.aliases) keys.insert(MatchKey(alias));
  keys.erase("");
  return keys;
}

EntityLookup::EntityLookup(const Graph& graph) : graph_(graph) {
  const auto& entities = graph.entities();
  for (EntityIndex index = 0; index < entities.size(); ++index) {
    const Entity& entity = entities[index];
    for (const std::string& key : MatchKeysOf(entity)) {
      by_key_[key].push_back(index);
      keys_.emplace_back(key, index);
    }
  }
}

std::vector<EntityIndex> EntityLookup::Find(std::string_view text) const {
  if (auto exact = graph_.FindEntity(text)) return {*exact};
  auto it = by_key_.find(MatchKey(text));
  if (it == by_key_.end()) return {};
  return it->second;
}

EntityIndex EntityLookup::Resolve(std::string_view text) const {
  std::vector<EntityIndex> found = Find(text);
  if (found.size() == 1) return found[0];
  const auto& entities = graph_.entities();
  if (found.empty()) {
    std::string message = "no entity named " + QuoteForMessage(text);
    std::vector<EntityIndex> near = Suggest(text);
    if (!near.empty()) {
      message += "; did you mean ";
      for (size_t i = 0; i < near.size(); ++i) {
        const Entity& entity = entities[near[i]];
        message += (i == 0 ? "" : ", ") + QuoteForMessage(entity.name) + " (id " + entity.id + ")";
      }
      message += "?";
    }
    throw Error(ErrorKind::kNotFound, message);
  }
  std::string message = QuoteForMessage(text) + " is ambiguous: it names " + std::to_string(found.size()) +
                        " entities; use an id:";
  for (EntityIndex index : found) {
    const Entity& entity = entities[index];
    message += "\n  " + entity.id + "  " + ShowControls(entity.name) + " (" + entity.kind + ")";
  }
  throw Error(ErrorKind::kInput, message);
}

std::vector<EntityIndex> EntityLookup::Search(std::string_view text) const {
  std::string needle = MatchKey(text);
  // rank 0: a key equals the text, 1: a key starts with it, 2: contains it.
  std::vector<int> best(graph_.entities().size(), 3);
  for (const auto& [key, index] : keys_) {
    size_t at = key.find(needle);
    if (at == std::string::npos) continue;
    int rank = key.size() == needle.size() ? 0 : (at == 0 ? 1 : 2);
    best[index] = std::min(best[index], rank);
  }
  std::vector<EntityIndex> found;
  for (EntityIndex index = 0; index < best.size(); ++index) {
    if (best[index] < 3) found.push_back(index);
  }
  const auto& entities = graph_.entities();
  std::sort(found.begin(), found.end(), [&](EntityIndex a, EntityIndex b) {
    if (best[a] != best[b]) return best[a] < best[b];
    if (entities[a].name != entities[b].name) return entities[a].name < entities[b].name;
    return entities[a].id < entities[b].id;
  });
  return found;
}

std::vector<EntityIndex> EntityLookup::Suggest(std::string_view text, size_t limit) const {
  std::string needle = MatchKey(text);
  if (needle.empty()) return {};
  size_t needle_length = CountCodePoints(needle);
  // Allow about one edit in three characters, at least one.
  size_t max_distance = std::max<size_t>(1, needle_length / 3);
  std::vector<std::pair<size_t, EntityIndex>> scored;
  std::vector<size_t> best(graph_.entities().size(), SIZE_MAX);
  for (const auto& [key, index] : keys_) {
    size_t distance;
    if (key.find(needle) != std::string::npos || needle.find(key) != std::string::npos) {
      distance = 1;  // one contains the other: "naver" for "naver cloud"
    } else {
      size_t key_length = CountCodePoints(key);
      size_t gap = key_length > needle_length ? key_length - needle_length : needle_length - key_length;
      if (gap > max_distance) continue;
      distance = EditDistance(needle, key);
    }
    if (distance <= max_distance) best[index] = std::min(best[index], distance);
  }
  for (EntityIndex index = 0; index < best.size(); ++index) {
    if (best[index] != SIZE_MAX) scored.emplace_back(best[index], index);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<EntityIndex> out;
  for (size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

}  // namespace relgraph
