// DOT writer: golden files for hostile names, and the output read back with Graphviz's own
// parser (libcgraph) to check that it holds exactly our nodes, edges and label text.
#include <cgraph.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "export/export.h"
#include "tests/export/hostile_graph.h"
#include "tests/test_util.h"

namespace relgraph::testing {
namespace {

const std::string kGoldenDir = std::string(RELGRAPH_SOURCE_DIR) + "/tests/fixtures/dot/";

std::string Dot(const Graph& graph, const exporter::DotOptions& options) {
  std::ostringstream out;
  exporter::WriteDot(graph, options, out);
  return out.str();
}

// Compares with the golden file; RELGRAPH_UPDATE_GOLDEN=1 rewrites it instead (then review
// the diff: the golden files are the specification of the escaping).
void ExpectGolden(const std::string& name, const std::string& actual) {
  std::string path = kGoldenDir + name;
  if (const char* update = std::getenv("RELGRAPH_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, ReadFile(path)) << "differs from " << path << "; RELGRAPH_UPDATE_GOLDEN=1 rewrites it";
}

// Undoes what a label value goes through in Graphviz: HTML entities (we only write &amp;) and
// the escString rules \\ and \n. Any other backslash sequence would be a writer bug, and shows
// up as a mismatch.
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

struct ParsedDot {
  std::map<std::string, std::string> labels;                 // node name -> label attribute
  std::multiset<std::pair<std::string, std::string>> edges;  // (tail, head) names
  std::set<std::string> attributes;                          // every node/edge/graph attribute declared
  int subgraphs = 0;
};

ParsedDot ParseWithGraphviz(const std::string& dot) {
  ParsedDot parsed;
  Agraph_t* graph = agmemread(dot.c_str());
  EXPECT_NE(graph, nullptr) << "Graphviz cannot read:\n" << dot;
  if (graph == nullptr) return parsed;
  for (int kind : {AGRAPH, AGNODE, AGEDGE}) {
    for (Agsym_t* symbol = agnxtattr(graph, kind, nullptr); symbol != nullptr;
         symbol = agnxtattr(graph, kind, symbol)) {
      parsed.attributes.insert(symbol->name);
    }
  }
  for (Agnode_t* node = agfstnode(graph); node != nullptr; node = agnxtnode(graph, node)) {
    char* label = agget(node, const_cast<char*>("label"));
    parsed.labels[agnameof(node)] = label == nullptr ? "" : label;
    for (Agedge_t* edge = agfstout(graph, node); edge != nullptr; edge = agnxtout(graph, edge)) {
      parsed.edges.insert({agnameof(agtail(edge)), agnameof(aghead(edge))});
    }
  }
  for (Agraph_t* sub = agfstsubg(graph); sub != nullptr; sub = agnxtsubg(sub)) ++parsed.subgraphs;
  agclose(graph);
  return parsed;
}

std::string ExpectedLabel(const Entity& entity, const std::string& shown) {
  return entity.id == "naver" ? shown + "\n네이버" : shown;
}

TEST(DotString, EscapesBackslashFirstThenQuotes) {
  EXPECT_EQ(exporter::DotString("plain"), "\"plain\"");
  EXPECT_EQ(exporter::DotString("end\\"), "\"end\\\\\"");
  EXPECT_EQ(exporter::DotString("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(exporter::DotString("\\\""), "\"\\\\\\\"\"");
  EXPECT_EQ(exporter::DotString("\\N\\G\\l"), "\"\\\\N\\\\G\\\\l\"");
}

TEST(DotString, WritesLineBreaksAsEscapesAndDropsControls) {
  EXPECT_EQ(exporter::DotString("a\nb\r\nc\rd"), "\"a\\nb\\nc\\nd\"");
  EXPECT_EQ(exporter::DotString("a\tb"), "\"a b\"");
  EXPECT_EQ(exporter::DotString(std::string("a\x01\x1B[31m\x7F") + '\0' + "b"), "\"a[31mb\"");
  EXPECT_EQ(exporter::DotString("a\xC2\x85"
                                "b"),
            "\"ab\"");  // U+0085, a C1 control
}

TEST(DotString, EscapesAmpersandBecauseGraphvizDecodesEntities) {
  EXPECT_EQ(exporter::DotString("AT&T &lt;"), "\"AT&amp;T &amp;lt;\"");
}

TEST(DotString, KeepsUnicodeAndReplacesInvalidUtf8) {
  EXPECT_EQ(exporter::DotString("네이버 北京 \xF0\x9F\x98\x80"), "\"네이버 北京 \xF0\x9F\x98\x80\"");
  EXPECT_EQ(exporter::DotString(kNaverNfd), "\"" + kNaverNfd + "\"");
  EXPECT_EQ(exporter::DotString("a\xFF"
                                "b\xE2\x82"),
            "\"a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(exporter::DotString("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  EXPECT_EQ(exporter::DotString("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong '/'
}

TEST(DotWriter, HostileNamesMatchGoldenFile) {
  exporter::DotOptions options;
  options.title = "Title \"]; n0 -> n1 [ \\";
  options.highlight = {"naver"};
  ExpectGolden("hostile.dot", Dot(HostileGraph(), options));
}

TEST(DotWriter, ClustersAndSizesMatchGoldenFile) {
  Graph graph = HostileGraph();
  exporter::DotOptions options;
  options.cluster_by = exporter::ClusterBy::kKind;
  options.score_name = "pagerank";
  for (size_t i = 0; i < graph.entities().size(); ++i) options.node_scores.push_back(static_cast<double>(i % 5) / 4);
  options.layout = "neato";
  options.native_names = false;
  ExpectGolden("hostile_clustered.dot", Dot(graph, options));
}

TEST(DotWriter, GraphvizReadsBackExactlyTheNodesEdgesAndNames) {
  Graph graph = HostileGraph();
  exporter::DotOptions options;
  options.legend = false;
  ParsedDot parsed = ParseWithGraphviz(Dot(graph, options));

  const auto& entities = graph.entities();
  ASSERT_EQ(parsed.labels.size(), entities.size());
  const auto& names = HostileNames();
  for (size_t i = 0; i < entities.size(); ++i) {
    std::string id = "n" + std::to_string(i);
    ASSERT_TRUE(parsed.labels.count(id)) << id;
    std::string shown = i < names.size() ? names[i].shown : entities[i].name;
    EXPECT_EQ(DecodeLabel(parsed.labels[id]), ExpectedLabel(entities[i], shown)) << "entity " << entities[i].id;
  }
  std::multiset<std::pair<std::string, std::string>> expected_edges;
  for (const Relation& relation : graph.relations()) {
    expected_edges.insert({"n" + std::to_string(*graph.FindEntity(relation.source)),
                           "n" + std::to_string(*graph.FindEntity(relation.target))});
  }
  EXPECT_EQ(parsed.edges, expected_edges);
  EXPECT_EQ(parsed.subgraphs, 0);
  // Nothing that makes a link or reads markup.
  for (const char* forbidden : {"URL", "href", "labelURL", "edgeURL", "headURL", "tailURL", "id", "class"}) {
    EXPECT_FALSE(parsed.attributes.count(forbidden)) << forbidden;
  }
}

TEST(DotWriter, LegendAddsOnlyLegendNodesInItsCluster) {
  Graph graph = HostileGraph();
  ParsedDot parsed = ParseWithGraphviz(Dot(graph, exporter::DotOptions{}));
  size_t entity_nodes = 0, legend_nodes = 0;
  for (const auto& [name, label] : parsed.labels) {
    if (name.rfind("legend_", 0) == 0)
      ++legend_nodes;
    else if (name[0] == 'n')
      ++entity_nodes;
    else
      ADD_FAILURE() << "unexpected node " << name;
  }
  EXPECT_EQ(entity_nodes, graph.entities().size());
  EXPECT_EQ(legend_nodes, 2u + 3u);  // kinds company and kind"\, three relation types
  EXPECT_EQ(parsed.edges.size(), graph.relations().size());
  EXPECT_EQ(parsed.subgraphs, 1);
  EXPECT_EQ(DecodeLabel(parsed.labels["legend_kind_1"]), "kind\"\\");
}

TEST(DotWriter, EmptyGraphIsValidDot) {
  ParsedDot parsed = ParseWithGraphviz(Dot(Graph(), exporter::DotOptions{}));
  EXPECT_TRUE(parsed.labels.empty());
  EXPECT_TRUE(parsed.edges.empty());
}

TEST(DotWriter, NativeNameLinePrefersTheScriptOfTheCountry) {
  Schema schema({{"company", ""}}, {});
  Graph graph(schema);
  graph.AddEntity({"baidu", "Baidu", "company", {"바이두", "百度"}, "CN", "", {}});
  graph.AddEntity({"openai", "OpenAI", "company", {"오픈AI", "OpenAI Inc."}, "US", "", {}});
  graph.AddEntity({"sakana", "Sakana AI", "company", {"사카나AI", "サカナAI"}, "JP", "", {}});
  graph.AddEntity({"latin", "Latin Only", "company", {"LO"}, "US", "", {}});
  exporter::DotOptions options;
  options.legend = false;
  ParsedDot parsed = ParseWithGraphviz(Dot(graph, options));
  EXPECT_EQ(DecodeLabel(parsed.labels["n0"]), "Baidu\n百度");
  EXPECT_EQ(DecodeLabel(parsed.labels["n1"]), "OpenAI\n오픈AI");
  EXPECT_EQ(DecodeLabel(parsed.labels["n2"]), "Sakana AI\nサカナAI");
  EXPECT_EQ(DecodeLabel(parsed.labels["n3"]), "Latin Only");
}

}  // namespace
}  // namespace relgraph::testing
