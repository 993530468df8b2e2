// `export graphml` read back by other tools (contract, "Interchange"; issue 16): NetworkX's
// read_graphml and igraph's Graph.Read_GraphML, run by tests/reference/graphml_readers.py, must
// read the file without error and see every entity and relation of the store with its
// attributes. What the store holds comes from `export json`, not from the GraphML writer.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <set>
#include <tuple>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// Names with markup, quotes, line breaks, tabs, Hangul, Hanzi and an emoji; a symmetric
// relation, an undated one, two parallel relations between the same pair, one of them in the
// opposite direction, and a self-loop.
const char* kEntities =
    "id,name,kind,aliases\n"
    "naver,\"Naver\r\nCorp. <b>&amp;</b>\",company,네이버\n"
    "snu,\"Seoul \"\"National\"\"\tUniversity\",university,서울대\n"
    "baai,北京智源人工智能研究院 \xF0\x9F\xA4\x96,research_institute,BAAI\n"
    "kakao,Kakao,company,\n"
    "lonely,'Lonely' & alone,person,\n";

const char* kRelations =
    "source,target,relation,weight,date\n"
    "naver,snu,partners_with,2.5,2023-11\n"
    "naver,baai,invests_in,1,\n"
    "baai,naver,backs,0.25,2019\n"
    "naver,baai,backs,3,2020-01-02\n"
    "kakao,naver,competes_with,,2021\n"
    "kakao,kakao,invests_in,,\n";

// (source, target, relation, weight, date, symmetric) as a set: parallel relations have
// different types, so the set loses nothing.
using EdgeTuple = std::tuple<std::string, std::string, std::string, double, std::string, bool>;

std::string RunReaders(const std::string& graphml_path) {
  return RunPythonReference("graphml_readers.py", {graphml_path}, "python3-networkx, python3-igraph");
}

class GraphmlReaders : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("entities.csv", kEntities);
    dir_.Write("relations.csv", kRelations);
    db_ = dir_.File("store.db");
    RunResult imported = RunRelgraph({"--db", db_, "import", "entities.csv", "relations.csv"}, dir_.path());
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    RunResult exported = RunRelgraph({"--db", db_, "export", "graphml", "-o", "graph.graphml"}, dir_.path());
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    RunResult store = RunRelgraph({"--db", db_, "export", "json"}, dir_.path());
    ASSERT_EQ(store.exit_code, 0) << store.err;
    store_ = json::parse(store.out);
  }

  // What one library saw must equal the store.
  void ExpectSameAsStore(const json& seen, const std::string& library) {
    EXPECT_EQ(seen["directed"], true) << library;
    std::set<std::tuple<std::string, std::string, std::string>> store_nodes, seen_nodes;
    for (const json& entity : store_["entities"]) store_nodes.emplace(entity["id"], entity["name"], entity["kind"]);
    for (const json& node : seen["nodes"]) seen_nodes.emplace(node["id"], node["name"], node["kind"]);
    EXPECT_EQ(seen["nodes"].size(), store_["entities"].size()) << library;
    EXPECT_EQ(seen_nodes, store_nodes) << library;

    // Symmetric types of the default vocabulary (data/schema.json): partners_with, competes_with.
    std::multiset<EdgeTuple> store_edges, seen_edges;
    for (const json& relation : store_["relations"]) {
      std::string type = relation["type"];
      store_edges.emplace(relation["source"], relation["target"], type, relation["weight"], relation.value("date", ""),
                          type == "partners_with" || type == "competes_with");
    }
    for (const json& edge : seen["edges"]) {
      seen_edges.emplace(edge["source"], edge["target"], edge["relation"], edge["weight"], edge["date"], edge["symmetric"]);
    }
    EXPECT_EQ(seen["edges"].size(), store_["relations"].size()) << library;
    EXPECT_EQ(seen_edges, store_edges) << library;
  }

  TempDir dir_;
  std::string db_;
  json store_;
};

TEST_F(GraphmlReaders, NetworkxAndIgraphReadEveryEntityAndRelationWithItsAttributes) {
  // The fixture itself, checked by hand: 5 entities, 6 relations, two of them symmetric.
  ASSERT_EQ(store_["entities"].size(), 5u);
  ASSERT_EQ(store_["relations"].size(), 6u);
  json seen = json::parse(RunReaders(dir_.File("graph.graphml")));
  ExpectSameAsStore(seen["networkx"], "networkx");
  if (seen["igraph"].contains("skipped")) {
    GTEST_SKIP() << "igraph: " << seen["igraph"]["skipped"].get<std::string>();
  }
  ExpectSameAsStore(seen["igraph"], "igraph");
}

TEST_F(GraphmlReaders, TextWithLineBreaksTabsAndMarkupReadsBackExactly) {
  json seen = json::parse(RunReaders(dir_.File("graph.graphml")));
  for (const char* library : {"networkx", "igraph"}) {
    if (seen[library].contains("skipped")) continue;
    std::map<std::string, std::string> names;
    for (const json& node : seen[library]["nodes"]) names[node["id"]] = node["name"];
    EXPECT_EQ(names["naver"], "Naver\r\nCorp. <b>&amp;</b>") << library;
    EXPECT_EQ(names["snu"], "Seoul \"National\"\tUniversity") << library;
    EXPECT_EQ(names["baai"], "北京智源人工智能研究院 \xF0\x9F\xA4\x96") << library;
    EXPECT_EQ(names["lonely"], "'Lonely' & alone") << library;
  }
}

}  // namespace
}  // namespace relgraph::testing
