// The graph module's own mechanisms: the index table behind Graph's lookups, and the change of a
// stored graph's topology that keeps a store's graph image current.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "graph/graph.h"
#include "graph/index_table.h"
#include "graph/topology.h"
#include "importers/importers.h"

namespace relgraph {
namespace {

TEST(IndexTable, FindsEveryKeyAmongCollidingHashesAndNothingElse) {
  std::vector<std::string> keys;
  IndexTable table;
  // Seven hashes for 5000 keys: long probe runs, equal short hashes, several growths.
  auto hash_of = [](size_t i) { return (i % 7) * 0x9E3779B97F4A7C15ULL; };
  for (uint32_t i = 0; i < 5000; ++i) {
    keys.push_back(std::string("key").append(std::to_string(i)));
    table.Insert(hash_of(i), i);
  }
  for (uint32_t i = 0; i < 5000; ++i) {
    auto found = table.Find(hash_of(i), [&](uint32_t at) { return keys[at] == keys[i]; });
    ASSERT_TRUE(found.has_value()) << i;
    EXPECT_EQ(*found, i);
  }
  EXPECT_FALSE(table.Find(hash_of(3), [&](uint32_t at) { return keys[at] == "absent"; }).has_value());
  EXPECT_FALSE(IndexTable().Find(0, [](uint32_t) { return true; }).has_value());
}

// The store's order, computed naively: ids ascending, relations by (source, type name, target).
Topology SortedTopology(const std::map<std::tuple<std::string, std::string, std::string>, double>& relations,
                        std::vector<std::string> ids, const Schema& schema) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  Topology topology;
  topology.entity_ids = ids;
  auto index = [&](const std::string& id) { return static_cast<uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin()); };
  std::vector<std::tuple<uint32_t, std::string, uint32_t, double>> rows;
  for (const auto& [key, weight] : relations) rows.emplace_back(index(std::get<0>(key)), std::get<1>(key), index(std::get<2>(key)), weight);
  std::sort(rows.begin(), rows.end());
  for (const auto& [source, type, target, weight] : rows) {
    topology.source.push_back(source);
    topology.target.push_back(target);
    topology.type.push_back(static_cast<uint8_t>(*schema.RelationPosition(type)));
    topology.weight.push_back(weight);
  }
  return topology;
}

TEST(Topology, ApplyChangeKeepsTheStoresOrder) {
  const Schema& schema = importers::DefaultSchema();
  std::mt19937 random(11);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<std::string> ids;
    std::map<std::tuple<std::string, std::string, std::string>, double> relations;
    auto add_relations = [&](int count, TopologyChange* change) {
      for (int i = 0; i < count; ++i) {
        const std::string& source = ids[random() % ids.size()];
        const std::string& target = ids[random() % ids.size()];
        uint8_t type = static_cast<uint8_t>(random() % schema.relation_types().size());
        double weight = 1 + static_cast<double>(random() % 5);
        relations[{source, schema.relation_types()[type].name, target}] = weight;  // the later one wins
        if (change) change->relations.push_back({source, target, type, weight});
      }
    };
    auto id_of = [](unsigned number) { return std::string("n").append(std::to_string(number)); };
    for (int i = 0; i < 40; ++i) ids.push_back(id_of(random() % 200));
    add_relations(60, nullptr);
    Topology topology = SortedTopology(relations, ids, schema);

    TopologyChange change;
    for (int i = 0; i < 10; ++i) {  // new ids anywhere in the order, some already there
      std::string id = id_of(random() % 300);
      ids.push_back(id);
      change.entity_ids.push_back(id);
    }
    add_relations(30, &change);  // new keys, known keys with new weights
    for (double weight : {2.0, 3.0}) {  // one new key twice: the later weight wins
      change.relations.push_back({ids.back(), ids.front(), 4, weight});
      relations[{ids.back(), schema.relation_types()[4].name, ids.front()}] = weight;
    }
    change.relations.push_back({"nobody", ids[0], 0, 1.0});  // dangling: left out
    ApplyChange(&topology, change, schema);
    Topology expected = SortedTopology(relations, ids, schema);
    EXPECT_EQ(topology.entity_ids, expected.entity_ids) << trial;
    EXPECT_EQ(topology.source, expected.source) << trial;
    EXPECT_EQ(topology.target, expected.target) << trial;
    EXPECT_EQ(topology.type, expected.type) << trial;
    EXPECT_EQ(topology.weight, expected.weight) << trial;
  }
}

}  // namespace
}  // namespace relgraph
