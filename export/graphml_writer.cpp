// GraphML writer for Gephi, yEd and Cytoscape: typed attribute keys, list values as JSON text.
#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/text_internal.h"

namespace relgraph::exporter {
namespace {

using internal::AppendUtf8;
using internal::NextCodePoint;

void AlwaysData(std::ostream& out, const char* key, std::string_view value) {
  out << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

struct Key {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;  // GraphML attr.type
};

// Key ids are distinct across nodes and edges (GraphML requires it); attr.name is what the
// tools show as the column. "label" is the column Gephi and Cytoscape show on the drawing.
constexpr Key kKeys[] = {
    {"v_id", "node", "id", "string"},
    {"v_label", "node", "label", "string"},
    {"v_name", "node", "name", "string"},
    {"v_kind", "node", "kind", "string"},
    {"v_country", "node", "country", "string"},
    {"v_aliases", "node", "aliases", "string"},
    {"v_description", "node", "description", "string"},
    {"e_relation", "edge", "relation", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_date", "edge", "date", "string"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_sources", "edge", "sources", "string"},
};

std::string JsonText(const std::vector<std::string>& values) {
  // Replacement, not an exception, for invalid UTF-8: the file must always be written.
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Optional data: left out when empty.
void Data(std::ostream& out, const char* key, std::string_view value) {
  if (value.empty()) return;
  AlwaysData(out, key, value);
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = NextCodePoint(text, &pos);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      // As references, so parsers neither normalise them (attribute values) nor turn CR into LF.
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
        // Surrogates cannot come out of NextCodePoint; the rest are removed, as no reference
        // can carry them either.
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) break;
        AppendUtf8(&out, c);
    }
  }
  return out;
}

void WriteGraphml(const Graph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    out << "  <key id=\"" << key.id << "\" for=\"" << key.domain << "\" attr.name=\"" << key.name << "\" attr.type=\""
        << key.type << "\"/>\n";
  }
  out << "  <graph id=\"relgraph\" edgedefault=\"directed\">\n";
  const auto& entities = graph.entities();
  for (EntityIndex index = 0; index < entities.size(); ++index) {
    const Entity& entity = entities[index];
    out << "    <node id=\"n" << index << "\">\n";
    AlwaysData(out, "v_id", entity.id);
    Data(out, "v_label", entity.name);
    AlwaysData(out, "v_name", entity.name);
    AlwaysData(out, "v_kind", entity.kind);
    Data(out, "v_country", entity.country);
    Data(out, "v_aliases", JsonText(entity.aliases));
    Data(out, "v_description", entity.description);
    out << "    </node>\n";
  }
  const auto& relations = graph.relations();
  for (RelationIndex index = 0; index < relations.size(); ++index) {
    const Relation& relation = relations[index];
    auto source = graph.FindEntity(relation.source);
    auto target = graph.FindEntity(relation.target);
    if (!source || !target) continue;  // cannot happen: a Graph only relates its own entities
    const RelationType* type = graph.schema().FindRelation(relation.type);
    // No per-edge directed="false" for symmetric types: NetworkX refuses undirected edges in a
    // directed graph. The edge goes source -> target as stored, and data "symmetric" says the
    // relation holds both ways.
    out << "    <edge id=\"e" << index << "\" source=\"n" << *source << "\" target=\"n" << *target << "\">\n";
    std::vector<std::string> sentences, sources;
    for (const Evidence& evidence : relation.evidence) {
      sentences.push_back(evidence.sentence);
      const Document* document = graph.FindDocument(evidence.document);
      sources.push_back(document == nullptr       ? evidence.document
                        : !document->url.empty()  ? document->url
                        : document->title.empty() ? document->id
                                                  : document->title);
    }
    AlwaysData(out, "e_relation", relation.type);
    Data(out, "e_label", type != nullptr && !type->verb.empty() ? type->verb : relation.type);
    AlwaysData(out, "e_weight", FormatNumber(relation.weight));
    AlwaysData(out, "e_date", relation.date);
    AlwaysData(out, "e_symmetric", type != nullptr && type->symmetric ? "true" : "false");
    Data(out, "e_evidence", JsonText(sentences));
    Data(out, "e_sources", JsonText(sources));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace relgraph::exporter
