// Rendering through libgvc: the SVG of hostile names is well-formed XML holding exactly our
// nodes and edges, the names as text, and nothing active; the PNG is a PNG.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

#include "common/error.h"
#include "export/export.h"
#include "tests/export/hostile_graph.h"

namespace relgraph::testing {
namespace {

std::string Svg(const Graph& graph, const exporter::DotOptions& options, const std::string& layout = "dot") {
  std::ostringstream dot;
  exporter::WriteDot(graph, options, dot);
  return exporter::RenderDot(dot.str(), exporter::ImageFormat::kSvg, layout);
}

std::string Attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string text(reinterpret_cast<char*>(value));
  xmlFree(value);
  return text;
}

std::string Name(xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

std::string Content(xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  std::string text(value == nullptr ? "" : reinterpret_cast<char*>(value));
  xmlFree(value);
  return text;
}

// What a reader of the SVG gets: per node, its <title> (our id), the lines of its label, and
// the tooltip; per edge, its title; and anything that should never be there.
struct SvgContent {
  std::map<std::string, std::vector<std::string>> node_text;  // n3 -> label lines
  std::map<std::string, std::string> node_tooltip;
  std::multiset<std::string> edges;                       // "n0->n1"
  std::multimap<std::string, std::string> edge_tooltips;  // "n0->n1" -> tooltip
  size_t legend_nodes = 0;
  std::vector<std::string> problems;
};

void CollectText(xmlNode* node, std::vector<std::string>* lines, std::string* tooltip) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (Name(child) == "text") lines->push_back(Content(child));
    if (Name(child) == "a" && tooltip->empty()) {
      // xlink:title: libxml2 finds namespaced attributes by local name with xmlGetProp.
      *tooltip = Attribute(child, "title");
    }
    CollectText(child, lines, tooltip);
  }
}

void Walk(xmlNode* node, SvgContent* content) {
  for (xmlNode* element = node; element != nullptr; element = element->next) {
    if (element->type != XML_ELEMENT_NODE) continue;
    std::string name = Name(element);
    static const std::set<std::string> kActive = {"script", "foreignObject", "iframe", "object",  "embed", "use",
                                                  "image",  "animate",       "set",    "handler", "style"};
    if (kActive.count(name)) content->problems.push_back("element <" + name + ">");
    for (xmlAttr* attribute = element->properties; attribute != nullptr; attribute = attribute->next) {
      std::string attribute_name = reinterpret_cast<const char*>(attribute->name);
      std::string value = Attribute(element, attribute_name.c_str());
      std::string lower = value;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (attribute_name == "href") content->problems.push_back("href=" + value);
      if (attribute_name.rfind("on", 0) == 0) content->problems.push_back("event handler " + attribute_name);
      if (lower.find("javascript:") != std::string::npos && attribute_name != "title") {
        content->problems.push_back(attribute_name + " holds javascript:");
      }
    }
    if (name == "g") {
      std::string css_class = Attribute(element, "class");
      std::string title;
      for (xmlNode* child = element->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && Name(child) == "title") title = Content(child);
      }
      if (css_class == "node") {
        std::vector<std::string> lines;
        std::string tooltip;
        CollectText(element, &lines, &tooltip);
        if (content->node_text.count(title)) content->problems.push_back("node " + title + " drawn twice");
        content->node_text[title] = lines;
        content->node_tooltip[title] = tooltip;
      } else if (css_class == "node legend") {
        ++content->legend_nodes;
      } else if (css_class == "edge") {
        content->edges.insert(title);
        std::vector<std::string> lines;
        std::string tooltip;
        CollectText(element, &lines, &tooltip);
        content->edge_tooltips.emplace(title, tooltip);
      } else if (!css_class.empty() && css_class != "graph" && css_class != "cluster" &&
                 css_class != "cluster legend") {
        content->problems.push_back("<g class=\"" + css_class + "\">");
      }
    }
    Walk(element->children, content);
  }
}

SvgContent ParseSvg(const std::string& svg) {
  SvgContent content;
  // No network, no entity expansion, no DTD loading: the document must stand on its own.
  xmlDoc* document = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "drawing.svg", "UTF-8", XML_PARSE_NONET);
  if (document == nullptr) {
    content.problems.push_back("not well-formed XML");
    return content;
  }
  xmlNode* root = xmlDocGetRootElement(document);
  if (root == nullptr || Name(root) != "svg") content.problems.push_back("root is not <svg>");
  Walk(root, &content);
  xmlFreeDoc(document);
  return content;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return lines;
    start = end + 1;
  }
}

TEST(RenderSvg, HostileNamesGiveWellFormedSvgWithExactlyOurNodesAndEdges) {
  Graph graph = HostileGraph();
  SvgContent content = ParseSvg(Svg(graph, exporter::DotOptions{}));
  EXPECT_TRUE(content.problems.empty()) << ::testing::PrintToString(content.problems);

  const auto& entities = graph.entities();
  const auto& names = HostileNames();
  ASSERT_EQ(content.node_text.size(), entities.size());
  EXPECT_EQ(content.legend_nodes, 5u);
  for (size_t i = 0; i < entities.size(); ++i) {
    std::string id = "n" + std::to_string(i);
    ASSERT_TRUE(content.node_text.count(id)) << id;
    std::string shown = i < names.size() ? names[i].shown : "Naver\n네이버";
    EXPECT_EQ(content.node_text[id], Lines(shown)) << "entity " << entities[i].id;
    // The tooltip starts with the name as it is, backslashes and escString letters included.
    EXPECT_EQ(content.node_tooltip[id].rfind(i < names.size() ? shown + "\n" : "Naver\n", 0), 0u)
        << "tooltip of " << entities[i].id << ": " << content.node_tooltip[id];
  }
  std::multiset<std::string> expected_edges;
  for (const Relation& relation : graph.relations()) {
    expected_edges.insert("n" + std::to_string(*graph.FindEntity(relation.source)) + "->n" +
                          std::to_string(*graph.FindEntity(relation.target)));
  }
  EXPECT_EQ(content.edges, expected_edges);
}

TEST(RenderSvg, TooltipsShowEvidenceLiterally) {
  SvgContent content = ParseSvg(Svg(HostileGraph(), exporter::DotOptions{}));
  // Relation 0 as a sentence, its evidence and source, every backslash and \N as written.
  std::string expected =
      "Say \"hi\" invests in Trailing backslash \\, 2023-01\n"
      "\u201C"
      "Evidence 0: \"]; n0 -> n9 [label=\"x\" \\ \\N \\E \\T \\H <script>javascript:alert(1)</script>\nline\u201D\n"
      "(2023-01, Title \\ with \"quotes\" and\nnewline)";
  std::vector<std::string> tooltips;
  auto [begin, end] = content.edge_tooltips.equal_range("n0->n1");
  for (auto it = begin; it != end; ++it) tooltips.push_back(it->second);
  EXPECT_NE(std::find(tooltips.begin(), tooltips.end(), expected), tooltips.end())
      << "tooltips of n0->n1: " << ::testing::PrintToString(tooltips);
}

TEST(RenderSvg, EveryLayoutEngineRendersTheHostileGraph) {
  Graph graph = HostileGraph();
  exporter::DotOptions options;
  options.cluster_by = exporter::ClusterBy::kKind;
  for (const std::string& layout : exporter::LayoutEngines()) {
    SvgContent content = ParseSvg(Svg(graph, options, layout));
    EXPECT_TRUE(content.problems.empty()) << layout << ": " << ::testing::PrintToString(content.problems);
    EXPECT_EQ(content.node_text.size(), graph.entities().size()) << layout;
  }
}

TEST(RenderSvg, UnknownLayoutIsAUsageError) {
  try {
    exporter::RenderDot("digraph { a }", exporter::ImageFormat::kSvg, "bogus");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kUsage);
    EXPECT_EQ(error.message(), "unknown layout bogus; use one of dot, neato, fdp, sfdp, circo, twopi");
  }
}

TEST(RenderSvg, DotThatGraphvizRejectsIsAnInputErrorWithItsMessage) {
  try {
    exporter::RenderDot("digraph { a -> }", exporter::ImageFormat::kSvg, "dot");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kInput);
    EXPECT_NE(error.message().find("Graphviz cannot read the DOT text (Graphviz: "), std::string::npos)
        << error.message();
    EXPECT_NE(error.message().find("syntax error"), std::string::npos) << error.message();
  }
}

TEST(RenderPng, HostileGraphGivesAPng) {
  Graph graph = HostileGraph();
  std::ostringstream dot;
  exporter::WriteDot(graph, exporter::DotOptions{}, dot);
  std::string png = exporter::RenderDot(dot.str(), exporter::ImageFormat::kPng, "dot");
  ASSERT_GT(png.size(), 33u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1A\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  auto be32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_GT(be32(16), 100u);  // width
  EXPECT_GT(be32(20), 100u);  // height
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
}

}  // namespace
}  // namespace relgraph::testing
