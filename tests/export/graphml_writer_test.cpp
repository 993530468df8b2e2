// GraphML writer: well-formed XML for hostile names, typed keys, and names, aliases and
// evidence that read back as they were (less what XML 1.0 cannot carry).
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export.h"
#include "tests/export/hostile_graph.h"

namespace relgraph::testing {
namespace {

std::string Text(const xmlChar* value) { return value == nullptr ? "" : reinterpret_cast<const char*>(value); }

std::string Attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = Text(value);
  xmlFree(value);
  return text;
}

std::vector<xmlNode*> Children(xmlNode* node, const std::string& name) {
  std::vector<xmlNode*> found;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && Text(child->name) == name) found.push_back(child);
  }
  return found;
}

// key id -> value of each <data> child.
std::map<std::string, std::string> Data(xmlNode* node) {
  std::map<std::string, std::string> data;
  for (xmlNode* child : Children(node, "data")) {
    xmlChar* content = xmlNodeGetContent(child);
    data[Attribute(child, "key")] = Text(content);
    xmlFree(content);
  }
  return data;
}

// What survives XML 1.0: the text less C0 controls other than tab, LF and CR; invalid UTF-8
// as U+FFFD. Written out for the hostile names rather than computed by the code under test.
std::string XmlVisible(const std::string& id, const std::string& name) {
  if (id == "controls") return "Bell DEL\x7F NUL!";  // DEL is allowed in XML 1.0
  if (id == "bad_utf8") return "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8";
  return name;
}

struct ParsedGraphml {
  xmlDoc* document = nullptr;
  xmlNode* graph = nullptr;
  std::vector<xmlNode*> keys, nodes, edges;
  ~ParsedGraphml() { xmlFreeDoc(document); }
};

void Parse(const std::string& text, ParsedGraphml* parsed) {
  parsed->document =
      xmlReadMemory(text.data(), static_cast<int>(text.size()), "graph.graphml", "UTF-8", XML_PARSE_NONET);
  ASSERT_NE(parsed->document, nullptr) << "not well-formed:\n" << text;
  xmlNode* root = xmlDocGetRootElement(parsed->document);
  ASSERT_EQ(Text(root->name), "graphml");
  ASSERT_EQ(Text(root->ns == nullptr ? nullptr : root->ns->href), "http://graphml.graphdrawing.org/xmlns");
  parsed->keys = Children(root, "key");
  auto graphs = Children(root, "graph");
  ASSERT_EQ(graphs.size(), 1u);
  parsed->graph = graphs[0];
  parsed->nodes = Children(parsed->graph, "node");
  parsed->edges = Children(parsed->graph, "edge");
}

TEST(XmlEscape, EscapesMarkupAndRemovesWhatXmlCannotCarry) {
  EXPECT_EQ(exporter::XmlEscape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(exporter::XmlEscape(std::string("a\x01\x1B") + '\0' + "b\t\r\n"), "ab&#9;&#13;&#10;");
  EXPECT_EQ(exporter::XmlEscape("\xEF\xBF\xBE|\xEF\xBF\xBF|\xFF"), "||\xEF\xBF\xBD");  // U+FFFE, U+FFFF, bad byte
  EXPECT_EQ(exporter::XmlEscape("네이버 北京 \xF0\x9F\x98\x80"), "네이버 北京 \xF0\x9F\x98\x80");
}

TEST(GraphmlWriter, HostileNamesRoundTrip) {
  Graph graph = HostileGraph();
  std::ostringstream out;
  exporter::WriteGraphml(graph, out);
  ParsedGraphml parsed;
  ASSERT_NO_FATAL_FAILURE(Parse(out.str(), &parsed));

  std::map<std::string, std::pair<std::string, std::string>> keys;  // id -> (name, type)
  for (xmlNode* key : parsed.keys)
    keys[Attribute(key, "id")] = {Attribute(key, "attr.name"), Attribute(key, "attr.type")};
  EXPECT_EQ(keys["v_name"], std::make_pair(std::string("name"), std::string("string")));
  EXPECT_EQ(keys["v_aliases"], std::make_pair(std::string("aliases"), std::string("string")));
  EXPECT_EQ(keys["e_weight"], std::make_pair(std::string("weight"), std::string("double")));
  EXPECT_EQ(keys["e_evidence"], std::make_pair(std::string("evidence"), std::string("string")));
  EXPECT_EQ(keys["e_symmetric"], std::make_pair(std::string("symmetric"), std::string("boolean")));
  EXPECT_EQ(keys["e_date"], std::make_pair(std::string("date"), std::string("string")));
  EXPECT_EQ(Attribute(parsed.graph, "edgedefault"), "directed");

  const auto& entities = graph.entities();
  ASSERT_EQ(parsed.nodes.size(), entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    EXPECT_EQ(Attribute(parsed.nodes[i], "id"), "n" + std::to_string(i));
    auto data = Data(parsed.nodes[i]);
    std::string expected = XmlVisible(entities[i].id, entities[i].name);
    EXPECT_EQ(data["v_name"], expected) << entities[i].id;
    EXPECT_EQ(data["v_label"], expected) << entities[i].id;
    EXPECT_EQ(data["v_id"], entities[i].id);
    EXPECT_EQ(data["v_kind"], entities[i].kind);
    auto aliases = nlohmann::json::parse(data["v_aliases"]);
    EXPECT_EQ(aliases.get<std::vector<std::string>>(), entities[i].aliases);
  }

  const auto& relations = graph.relations();
  ASSERT_EQ(parsed.edges.size(), relations.size());
  for (size_t i = 0; i < relations.size(); ++i) {
    xmlNode* edge = parsed.edges[i];
    EXPECT_EQ(Attribute(edge, "source"), "n" + std::to_string(*graph.FindEntity(relations[i].source)));
    EXPECT_EQ(Attribute(edge, "target"), "n" + std::to_string(*graph.FindEntity(relations[i].target)));
    // No per-edge direction (NetworkX refuses directed="false" in a directed graph): the
    // symmetric type says so in data instead.
    EXPECT_EQ(xmlHasProp(edge, reinterpret_cast<const xmlChar*>("directed")), nullptr);
    auto data = Data(edge);
    EXPECT_EQ(data.count("e_date"), 1u) << "date is written even when empty";
    EXPECT_EQ(data["e_symmetric"], relations[i].type == "partners_with" ? "true" : "false");
    EXPECT_EQ(data["e_date"], relations[i].date);
    EXPECT_EQ(data["e_relation"], relations[i].type);
    EXPECT_EQ(std::stod(data["e_weight"]), relations[i].weight);
    std::vector<std::string> sentences;
    for (const Evidence& evidence : relations[i].evidence) sentences.push_back(evidence.sentence);
    EXPECT_EQ(nlohmann::json::parse(data["e_evidence"]).get<std::vector<std::string>>(), sentences);
  }
}

TEST(GraphmlWriter, EmptyGraphIsValid) {
  std::ostringstream out;
  exporter::WriteGraphml(Graph(), out);
  ParsedGraphml parsed;
  ASSERT_NO_FATAL_FAILURE(Parse(out.str(), &parsed));
  EXPECT_TRUE(parsed.nodes.empty());
  EXPECT_TRUE(parsed.edges.empty());
}

}  // namespace
}  // namespace relgraph::testing
