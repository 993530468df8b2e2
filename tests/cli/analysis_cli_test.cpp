// communities, brokers, core, components and path --disjoint through the built binary: the
// contract's JSON shapes, orders and ties on a graph worked by hand.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// Two triangles a-b-c and d-e-f joined by c-d (c -> d invests_in; the rest symmetric
// partners), a parallel relation a -> b, a self-loop on f, and g alone.
constexpr const char* kEntities =
    "id,name,kind\n"
    "a,Alpha,company\nb,Beta,company\nc,Gamma,company\nd,Delta,company\ne,Epsilon,company\nf,Zeta,company\n"
    "g,Eta,company\n";
constexpr const char* kRelations =
    "source,target,relation\n"
    "a,b,partners_with\nb,c,partners_with\nc,a,partners_with\na,b,invests_in\n"
    "d,e,partners_with\ne,f,partners_with\nf,d,partners_with\nf,f,backs\n"
    "c,d,invests_in\n";

class AnalysisCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("entities.csv", kEntities);
    dir_.Write("relations.csv", kRelations);
    db_ = dir_.File("store.db");
    RunResult imported = RunRelgraph({"--db", db_, "import", "entities.csv", "relations.csv"}, dir_.path());
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  json Json(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "--format", "json"});
    RunResult result = RunRelgraph(args, dir_.path());
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }
  TempDir dir_;
  std::string db_;
};

std::vector<std::string> Ids(const json& members) {
  std::vector<std::string> ids;
  for (const json& member : members) ids.push_back(member["id"]);
  return ids;
}

TEST_F(AnalysisCli, CommunitiesAreTheTrianglesWithNetworkxModularity) {
  json out = Json({"communities"});
  EXPECT_EQ(out["method"], "leiden");
  EXPECT_EQ(out["resolution"], 1.0);
  // m = 7 (g has no edge, f's self-loop is left out): Q = 6/7 - 1/2.
  EXPECT_NEAR(out["modularity"].get<double>(), 6.0 / 7 - 0.5, 1e-12);
  ASSERT_EQ(out["communities"].size(), 3u);
  EXPECT_EQ(Ids(out["communities"][0]["members"]), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(Ids(out["communities"][1]["members"]), (std::vector<std::string>{"d", "e", "f"}));
  EXPECT_EQ(Ids(out["communities"][2]["members"]), (std::vector<std::string>{"g"}));
  EXPECT_EQ(out["communities"][0]["size"], 3);
  EXPECT_EQ(out["communities"][0]["id"], 1);
  EXPECT_EQ(out["communities"][1]["members"][0]["name"], "Delta");
  json louvain = Json({"communities", "--method", "louvain", "--seed", "5", "--resolution", "1"});
  EXPECT_EQ(louvain["method"], "louvain");
  EXPECT_EQ(louvain["communities"], out["communities"]);
  // Only partners_with: the bridge is gone, Q = 2 * (3/6 - (6/12)^2) = 1/2.
  EXPECT_NEAR(Json({"communities", "--relation", "partners_with"})["modularity"].get<double>(), 0.5, 1e-12);
}

TEST_F(AnalysisCli, BrokersAreTheBridgeEndsTiesById) {
  json out = Json({"brokers"});
  ASSERT_EQ(out["brokers"].size(), 2u);
  EXPECT_EQ(out["brokers"][0], (json{{"id", "c"}, {"name", "Gamma"}, {"pieces", 2}, {"cut_off", 2}}));
  EXPECT_EQ(out["brokers"][1]["id"], "d");
  EXPECT_EQ(Json({"brokers", "--top", "1"})["brokers"].size(), 1u);
  EXPECT_TRUE(Json({"brokers", "--relation", "partners_with"})["brokers"].empty());
}

TEST_F(AnalysisCli, CoreNumbersHighestFirstAndFilteredByK) {
  json out = Json({"core"});
  ASSERT_EQ(out["cores"].size(), 7u);
  EXPECT_EQ(out["cores"][0], (json{{"id", "a"}, {"name", "Alpha"}, {"core", 2}}));
  EXPECT_EQ(out["cores"][6], (json{{"id", "g"}, {"name", "Eta"}, {"core", 0}}));
  EXPECT_EQ(Json({"core", "--k", "1"})["cores"].size(), 6u);
}

TEST_F(AnalysisCli, ComponentsWeakAndStrong) {
  json weak = Json({"components"});
  ASSERT_EQ(weak["components"].size(), 2u);
  EXPECT_EQ(weak["components"][0]["size"], 6);
  EXPECT_EQ(Ids(weak["components"][1]["members"]), (std::vector<std::string>{"g"}));
  // Following arrows, c -> d is one way: the triangles are strong components apart.
  json strong = Json({"components", "--direction", "out"});
  ASSERT_EQ(strong["components"].size(), 3u);
  EXPECT_EQ(Ids(strong["components"][0]["members"]), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(Ids(strong["components"][1]["members"]), (std::vector<std::string>{"d", "e", "f"}));
}

TEST_F(AnalysisCli, DisjointPathsShareNoEntity) {
  json out = Json({"path", "a", "c", "--disjoint"});
  ASSERT_EQ(out["paths"].size(), 2u);  // a-c and a-b-c
  EXPECT_EQ(out["paths"][0]["hops"], 1);
  EXPECT_EQ(out["paths"][1]["hops"], 2);
  EXPECT_EQ(Json({"path", "a", "f", "--disjoint"})["paths"].size(), 1u);
  EXPECT_TRUE(Json({"path", "a", "g", "--disjoint"})["paths"].empty());
  RunResult bad = RunRelgraph({"--db", db_, "path", "a", "c", "--disjoint", "--weighted"}, dir_.path());
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(AnalysisCli, DiagramsBoxCommunitiesAndMarkBrokers) {
  RunResult dot = RunRelgraph({"--db", db_, "export", "dot", "--cluster-by", "community"}, dir_.path());
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  auto count = [&](const std::string& text) {
    size_t found = 0;
    for (size_t at = dot.out.find(text); at != std::string::npos; at = dot.out.find(text, at + 1)) ++found;
    return found;
  };
  EXPECT_EQ(count("subgraph \"cluster_"), 2u);  // the triangles; g stands alone, outside any box
  EXPECT_EQ(count("peripheries=\"2\""), 2u);   // c and d
  EXPECT_NE(dot.out.find("broker: removing it cuts off 2 entities"), std::string::npos);
  RunResult plain = RunRelgraph({"--db", db_, "export", "dot"}, dir_.path());
  EXPECT_EQ(plain.out.find("peripheries"), std::string::npos);
  RunResult marked = RunRelgraph({"--db", db_, "export", "dot", "--mark-brokers"}, dir_.path());
  EXPECT_NE(marked.out.find("peripheries=\"2\""), std::string::npos);
  EXPECT_EQ(marked.out.find("subgraph \"cluster_"), std::string::npos);
}

TEST_F(AnalysisCli, SnapshotDiffReportsCommunityChanges) {
  ASSERT_EQ(RunRelgraph({"--db", db_, "snapshot", "save", "before"}, dir_.path()).exit_code, 0);
  // g joins: the communities keep their members present in both versions, so nothing splits
  // or merges.
  dir_.Write("more.csv", "source,target,relation\ng,a,partners_with\n");
  ASSERT_EQ(RunRelgraph({"--db", db_, "import", "more.csv"}, dir_.path()).exit_code, 0);
  json out = Json({"snapshot", "diff", "before", "--rank-changes", "degree"});
  ASSERT_TRUE(out.contains("community_changes")) << out.dump();
  EXPECT_EQ(out["community_changes"], (json{{"splits", json::array()}, {"merges", json::array()}}));
  EXPECT_FALSE(Json({"snapshot", "diff", "before"}).contains("community_changes"));
}

TEST_F(AnalysisCli, BadOptionsAreUsageErrors) {
  EXPECT_EQ(RunRelgraph({"--db", db_, "communities", "--method", "spectral"}, dir_.path()).exit_code, 2);
  EXPECT_EQ(RunRelgraph({"--db", db_, "communities", "--resolution", "-1"}, dir_.path()).exit_code, 2);
  EXPECT_EQ(RunRelgraph({"--db", db_, "components", "--direction", "in"}, dir_.path()).exit_code, 2);
  RunResult unknown = RunRelgraph({"--db", db_, "core", "--relation", "owns"}, dir_.path());
  EXPECT_EQ(unknown.exit_code, 1);
}

}  // namespace
}  // namespace relgraph::testing
