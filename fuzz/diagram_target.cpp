// Fuzz target for the DOT and GraphML writers. The input's lines become entity names (any
// bytes: the writers must be safe even for text the importers would refuse), linked in a chain
// by relations of every type. Oracle: Graphviz's own parser reads the DOT back with exactly
// one node per entity (plus legend nodes when asked) and one edge per relation, no node id we
// did not write, and libxml2 finds the GraphML well-formed with every node and edge.
#include <graphviz/cgraph.h>
#include <libxml/parser.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "export/export.h"
#include "fuzz/fuzz_targets.h"
#include "importers/importers.h"

namespace relgraph::fuzz {
namespace {

[[noreturn]] void Broken(const std::string& what, const std::string& text) {
  std::fprintf(stderr, "oracle broken: %s\n%s\n", what.c_str(), text.substr(0, 4000).c_str());
  std::abort();
}

}  // namespace

int DiagramWriters(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const Schema& schema = importers::DefaultSchema();
  Graph graph(schema);
  size_t start = 0;
  while (start <= bytes.size() && graph.entities().size() < 12) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    Entity entity;
    entity.id = "e" + std::to_string(graph.entities().size());
    entity.name = bytes.substr(start, end - start);
    entity.kind = schema.kinds()[graph.entities().size() % schema.kinds().size()].name;
    entity.aliases = {entity.name + "\\", "\"" + entity.name};
    entity.country = graph.entities().size() % 2 ? "KR" : "CN";
    graph.AddEntity(entity);
    start = end + 1;
  }
  size_t n = graph.entities().size();
  for (size_t i = 0; i + 1 < n; ++i) {
    Relation relation;
    relation.source = "e" + std::to_string(i);
    relation.target = "e" + std::to_string(i + 1);
    relation.type = schema.relation_types()[i % schema.relation_types().size()].name;
    relation.weight = 1.0 + static_cast<double>(i);
    relation.evidence.push_back({"doc " + graph.entities()[i].name, graph.entities()[i + 1].name, "2024", "", "fuzz", 1.0});
    graph.AddRelation(relation);
  }

  exporter::DotOptions options;
  options.legend = size % 2 == 1;
  options.native_names = size % 3 == 0;
  options.cluster_by = size % 5 == 0 ? exporter::ClusterBy::kCountry : exporter::ClusterBy::kNone;
  options.title = n > 0 ? graph.entities()[0].name : "";
  std::ostringstream dot;
  exporter::WriteDot(graph, options, dot);
  std::string text = dot.str();
  Agraph_t* parsed = agmemread(text.c_str());
  if (parsed == nullptr) Broken("Graphviz cannot read our DOT", text);
  size_t entity_nodes = 0, edges = 0;
  for (Agnode_t* node = agfstnode(parsed); node != nullptr; node = agnxtnode(parsed, node)) {
    std::string id = agnameof(node);
    bool ours = id.size() > 1 && id[0] == 'n' && id.find_first_not_of("0123456789", 1) == std::string::npos;
    if (ours) {
      ++entity_nodes;
    } else if (!(options.legend && id.rfind("legend_", 0) == 0)) {
      Broken("a node we did not write: " + id, text);
    }
    for (Agedge_t* edge = agfstout(parsed, node); edge != nullptr; edge = agnxtout(parsed, edge)) ++edges;
  }
  agclose(parsed);
  if (entity_nodes != n) Broken("entity node count " + std::to_string(entity_nodes) + " != " + std::to_string(n), text);
  if (edges != graph.relations().size()) Broken("edge count differs", text);

  std::ostringstream graphml;
  exporter::WriteGraphml(graph, graphml);
  std::string xml = graphml.str();
  xmlDocPtr document = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "fuzz.graphml", nullptr,
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (document == nullptr) Broken("GraphML is not well-formed XML", xml);
  xmlFreeDoc(document);
  size_t nodes_written = 0, edges_written = 0;
  for (size_t at = xml.find("<node "); at != std::string::npos; at = xml.find("<node ", at + 1)) ++nodes_written;
  for (size_t at = xml.find("<edge "); at != std::string::npos; at = xml.find("<edge ", at + 1)) ++edges_written;
  if (nodes_written != n || edges_written != graph.relations().size()) Broken("GraphML element counts differ", xml);
  return 0;
}

}  // namespace relgraph::fuzz
