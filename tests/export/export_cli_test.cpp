// End-to-end: `relgraph export dot|svg|png|graphml` on a store imported from hostile CSV files,
// checking what the built binary writes, says and returns.
#include <cgraph.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

using nlohmann::json;

// NFD spelling of 네이버 (conjoining jamo); the importer stores it as NFC.
const std::string kNaverNfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";

const std::string kEntities =
    "id,name,kind,aliases,country\n"
    "quote,\"Say \"\"hi\"\"\",company,,US\n"
    "backslash,Trailing backslash \\,company,,US\n"
    "injection,\"x\"\"]; evil [label=\"\"pwned\"\" URL=\"\"javascript:alert(1)\"\"]; n0 -> n1; \"\"\",company,,US\n"
    "markup,<b>bold</b> & <script>alert(1)</script>,organization,,\n"
    "kw_node,node,company,,KR\n"
    "kw_graph,graph,company,,KR\n"
    "kw_strict,strict,company,,KR\n"
    "kw_subgraph,subgraph,company,,KR\n"
    "kw_edge,edge,company,,KR\n"
    "naver,네이버,company,Naver,KR\n"
    "naver_nfd," +
    kNaverNfd +
    ",company,,KR\n"
    "baai,北京智源人工智能研究院,research_institute,BAAI,CN\n"
    "emoji,\xF0\x9F\xA4\x96 Robot \xF0\x9F\x98\x80,product,,\n"
    "escstring,\\N \\G \\E \\l \\n end,company,,\n"
    "amp,AT&T &amp; &#x41;,company,,US\n";

const std::string kRelations =
    "source,target,relation,weight,date,evidence\n"
    "quote,backslash,invests_in,2,2023-01,\"Evidence \"\"]; n0 -> n1 [\"\" \\ \\N <script>javascript:x</script>\"\n"
    "backslash,injection,partners_with,,2023,\n"
    "injection,markup,backs,,,\n"
    "markup,kw_node,supplies,,,\n"
    "kw_node,kw_graph,partners_with,,,\n"
    "kw_graph,kw_strict,competes_with,,,\n"
    "kw_strict,kw_subgraph,invests_in,,,\n"
    "kw_subgraph,kw_edge,invests_in,,,\n"
    "kw_edge,naver,invests_in,,,\n"
    "naver,naver_nfd,partners_with,,,\n"
    "naver_nfd,baai,backs,,,\n"
    "baai,emoji,develops,,,\n"
    "escstring,emoji,develops,,,\n"
    "amp,escstring,acquires,,,\n"
    "quote,backslash,supplies,,,\n";

// What the drawing shows for each id (NFC, as stored).
const std::map<std::string, std::string> kShown = {
    {"quote", "Say \"hi\""},
    {"backslash", "Trailing backslash \\"},
    {"injection", "x\"]; evil [label=\"pwned\" URL=\"javascript:alert(1)\"]; n0 -> n1; \""},
    {"markup", "<b>bold</b> & <script>alert(1)</script>"},
    {"kw_node", "node"},
    {"kw_graph", "graph"},
    {"kw_strict", "strict"},
    {"kw_subgraph", "subgraph"},
    {"kw_edge", "edge"},
    {"naver", "네이버"},
    {"naver_nfd", "네이버"},
    {"baai", "北京智源人工智能研究院"},
    {"emoji", "\xF0\x9F\xA4\x96 Robot \xF0\x9F\x98\x80"},
    {"escstring", "\\N \\G \\E \\l \\n end"},
    {"amp", "AT&T &amp; &#x41;"},
};

std::string DecodeLabel(const std::string& value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && (value[i + 1] == '\\' || value[i + 1] == 'n')) {
      out += value[i + 1] == 'n' ? '\n' : '\\';
      ++i;
    } else if (value.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else {
      out += value[i];
    }
  }
  return out;
}

struct DotGraph {
  std::set<std::string> labels;  // decoded labels of entity nodes
  size_t entity_nodes = 0, other_nodes = 0;
  std::multiset<std::pair<std::string, std::string>> edges;  // decoded labels of tail and head
};

DotGraph ReadDot(const std::string& dot) {
  DotGraph result;
  Agraph_t* graph = agmemread(dot.c_str());
  EXPECT_NE(graph, nullptr) << dot;
  if (graph == nullptr) return result;
  auto label_of = [](Agnode_t* node) {
    char* label = agget(node, const_cast<char*>("label"));
    return DecodeLabel(label == nullptr ? "" : label);
  };
  for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) {
    std::string name = agnameof(node);
    if (name.size() > 1 && name[0] == 'n' && name.find_first_not_of("0123456789", 1) == std::string::npos) {
      ++result.entity_nodes;
      result.labels.insert(label_of(node));
    } else {
      ++result.other_nodes;
    }
    for (Agedge_t* edge = agfstout(graph, node); edge != nullptr; edge = agnxtout(graph, edge)) {
      result.edges.insert({label_of(agtail(edge)), label_of(aghead(edge))});
    }
  }
  agclose(graph);
  return result;
}

bool WellFormedXml(const std::string& text) {
  xmlDoc* document = xmlReadMemory(text.data(), static_cast<int>(text.size()), "out.xml", "UTF-8", XML_PARSE_NONET);
  if (document == nullptr) return false;
  xmlFreeDoc(document);
  return true;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

class ExportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("entities.csv", kEntities);
    dir_.Write("relations.csv", kRelations);
    RunResult result = Run({"import", "entities.csv", "relations.csv"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_.File("store.db")});
    return RunRelgraph(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(ExportCli, DotHoldsEveryEntityAndRelationWithLiteralNames) {
  RunResult result = Run({"export", "dot"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  DotGraph dot = ReadDot(result.out);
  EXPECT_EQ(dot.entity_nodes, kShown.size());
  std::set<std::string> expected_labels;
  for (const auto& [id, shown] : kShown) expected_labels.insert(shown);
  // Native-name lines: 네이버 has its name in Hangul already; BAAI's name is Hanzi.
  EXPECT_EQ(dot.labels, expected_labels);
  EXPECT_EQ(dot.edges.size(), 15u);
  EXPECT_EQ(dot.edges.count({kShown.at("quote"), kShown.at("backslash")}), 2u);  // parallel relations
  EXPECT_EQ(dot.edges.count({kShown.at("amp"), kShown.at("escstring")}), 1u);
}

TEST_F(ExportCli, DotWithoutLegendHasOnlyEntityNodes) {
  RunResult result = Run({"export", "dot", "--no-legend"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  DotGraph dot = ReadDot(result.out);
  EXPECT_EQ(dot.entity_nodes, kShown.size());
  EXPECT_EQ(dot.other_nodes, 0u);
}

TEST_F(ExportCli, FocusDrawsTheSameEntitiesAsNeighbors) {
  RunResult neighbors = Run({"neighbors", "kw_graph", "--depth", "2", "--format", "json"});
  ASSERT_EQ(neighbors.exit_code, 0) << neighbors.err;
  std::set<std::string> expected = {kShown.at("kw_graph")};
  json answer = json::parse(neighbors.out);  // kept: a range-for over a temporary's member dangles
  for (const auto& item : answer["neighbors"]) expected.insert(kShown.at(item["id"].get<std::string>()));
  RunResult result = Run({"export", "dot", "--focus", "kw_graph", "--depth", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadDot(result.out).labels, expected);
}

TEST_F(ExportCli, PathExportsExactlyThePathsEntitiesAndHops) {
  RunResult path = Run({"path", "quote", "kw_graph", "--format", "json"});
  ASSERT_EQ(path.exit_code, 0) << path.err;
  std::set<std::string> ids;
  size_t hops = 0;
  json answer = json::parse(path.out);
  for (const auto& item : answer["paths"]) {
    for (const auto& step : item["steps"]) {
      ids.insert(step["source"].get<std::string>());
      ids.insert(step["target"].get<std::string>());
      hops += 1 + step["parallel"].size();
    }
  }
  RunResult result = Run({"export", "json", "--path", "quote", "kw_graph"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json exported = json::parse(result.out);
  std::set<std::string> exported_ids;
  for (const auto& entity : exported["entities"]) exported_ids.insert(entity["id"].get<std::string>());
  EXPECT_EQ(exported_ids, ids);
  EXPECT_EQ(exported["relations"].size(), hops);  // quote-backslash hop has two relations
  EXPECT_EQ(hops, 6u);

  RunResult dot = Run({"export", "dot", "--path", "quote", "kw_graph", "--no-legend"});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(ReadDot(dot.out).entity_nodes, ids.size());
  EXPECT_EQ(ReadDot(dot.out).edges.size(), hops);
}

TEST_F(ExportCli, PathWithoutAnswerIsAnEmptyExportAndANote) {
  RunResult result =
      Run({"export", "json", "--path", "quote", "kw_graph", "--direction", "out", "--relation", "acquires"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(json::parse(result.out)["entities"].empty());
  EXPECT_NE(result.err.find("relgraph: note: no path from Say \"hi\" to graph"), std::string::npos) << result.err;
}

TEST_F(ExportCli, SvgIsWellFormedAndHasNothingActive) {
  RunResult result = Run({"export", "svg", "-o", "graph.svg"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("wrote 15 entities and 15 relations to graph.svg (svg, dot layout)"), std::string::npos)
      << result.err;
  std::string svg = ReadFile(dir_.File("graph.svg"));
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_EQ(Count(svg, "<g id=\"node"), Count(svg, "class=\"node\"") + Count(svg, "class=\"node legend\""));
  EXPECT_EQ(Count(svg, "class=\"node\""), kShown.size());
  EXPECT_EQ(Count(svg, "class=\"edge\""), 15u);
  EXPECT_EQ(Count(svg, "<script"), 0u);
  EXPECT_EQ(Count(svg, "href"), 0u);
  EXPECT_NE(svg.find("北京智源人工智能研究院"), std::string::npos);
  EXPECT_NE(svg.find("font-family=\"Noto Sans CJK KR\""), std::string::npos);
}

TEST_F(ExportCli, PngIsAPng) {
  RunResult result = Run({"export", "png", "-o", "graph.png", "--focus", "naver", "--size-by", "pagerank",
                          "--cluster-by", "country", "--layout", "neato"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string png = ReadFile(dir_.File("graph.png"));
  ASSERT_GT(png.size(), 100u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1A\n", 8));
}

TEST_F(ExportCli, GraphmlGoesToStdoutAndParses) {
  RunResult result = Run({"export", "graphml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(WellFormedXml(result.out));
  EXPECT_EQ(Count(result.out, "<node id="), kShown.size());
  EXPECT_EQ(Count(result.out, "<edge id="), 15u);
  EXPECT_NE(result.out.find("<data key=\"v_name\">x&quot;]; evil [label=&quot;pwned&quot;"), std::string::npos);
}

TEST_F(ExportCli, TooManyEntitiesAreCutWithANote) {
  RunResult result = Run({"export", "dot", "--max-nodes", "4", "--no-legend"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadDot(result.out).entity_nodes, 4u);
  EXPECT_NE(result.err.find("relgraph: note: 15 entities are too many to draw readably; drawing the 4 with the most "
                            "connections"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("--max-nodes N"), std::string::npos);
  // Data exports are never cut.
  RunResult data = Run({"export", "json", "--max-nodes", "4"});
  EXPECT_EQ(json::parse(data.out)["entities"].size(), kShown.size());
}

TEST_F(ExportCli, UsageErrors) {
  RunResult svg = Run({"export", "svg"});
  EXPECT_EQ(svg.exit_code, 2);
  EXPECT_EQ(svg.err, "relgraph: error: export svg needs -o FILE (it writes an image, not text)\n");
  RunResult both = Run({"export", "dot", "--focus", "quote", "--path", "quote", "amp"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(both.err, "relgraph: error: --focus and --path choose different selections; give one of them\n");
  RunResult direction = Run({"export", "dot", "--path", "quote", "amp", "--direction", "in"});
  EXPECT_EQ(direction.exit_code, 2);
  EXPECT_EQ(Run({"export", "svg", "-o", "x.svg", "--layout", "bogus"}).exit_code, 2);
  EXPECT_EQ(Run({"export", "dot", "--size-by", "bogus"}).exit_code, 2);
}

TEST_F(ExportCli, UnwritableOutputIsAStorageError) {
  RunResult result = Run({"export", "png", "-o", "missing/dir/graph.png"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "relgraph: error: missing/dir/graph.png: cannot write the file: No such file or directory\n");
}

class ExportDefaultData : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string data = std::string(RELGRAPH_SOURCE_DIR) + "/data/";
    RunResult result = Run({"import", data + "entities.csv", data + "relations.csv"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_.File("store.db")});
    return RunRelgraph(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(ExportDefaultData, DemoDiagramsShowHangulAndHanzi) {
  RunResult naver = Run({"export", "svg", "-o", "naver.svg", "--focus", "Naver", "--depth", "1"});
  ASSERT_EQ(naver.exit_code, 0) << naver.err;
  std::string svg = ReadFile(dir_.File("naver.svg"));
  EXPECT_TRUE(WellFormedXml(svg));
  EXPECT_NE(svg.find(">네이버</text>"), std::string::npos);
  EXPECT_NE(svg.find(">서울대학교</text>"), std::string::npos);
  RunResult paths = Run({"export", "svg", "-o", "paths.svg", "--path", "Naver", "BAAI", "--k", "3"});
  ASSERT_EQ(paths.exit_code, 0) << paths.err;
  svg = ReadFile(dir_.File("paths.svg"));
  EXPECT_NE(svg.find(">北京智源人工智能研究院</text>"), std::string::npos);
  EXPECT_NE(svg.find(">3 shortest paths from Naver to Beijing Academy of Artificial Intelligence</text>"),
            std::string::npos);
}

// Regression (issue #5): Graphviz 2.43's dot_cleanup double-frees after laying out these
// clusters with edge labels, and relgraph aborted with "free(): double free detected".
TEST_F(ExportDefaultData, ClusteredDotLayoutDoesNotCrash) {
  RunResult result =
      Run({"export", "png", "-o", "clusters.png", "--relation", "invests_in,backs", "--cluster-by", "country"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

}  // namespace
}  // namespace relgraph::testing
