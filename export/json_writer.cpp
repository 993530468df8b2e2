#include <nlohmann/json.hpp>

#include "export/export.h"

namespace relgraph::exporter {
namespace {

using nlohmann::ordered_json;

ordered_json PropertiesJson(const Properties& properties) {
  ordered_json out = ordered_json::object();
  // Values are stored as JSON text; parse them back so numbers stay numbers.
  for (const auto& [key, value] : properties) out[key] = ordered_json::parse(value, nullptr, false);
  return out;
}

}  // namespace

void WriteJson(const Graph& graph, std::ostream& out) {
  ordered_json root;
  ordered_json documents = ordered_json::array();
  for (const Document& document : graph.documents()) {
    ordered_json item;
    item["id"] = document.id;
    if (!document.title.empty()) item["title"] = document.title;
    if (!document.url.empty()) item["url"] = document.url;
    if (!document.date.empty()) item["date"] = document.date;
    if (!document.lang.empty()) item["lang"] = document.lang;
    documents.push_back(std::move(item));
  }
  ordered_json entities = ordered_json::array();
  for (const Entity& entity : graph.entities()) {
    ordered_json item;
    item["id"] = entity.id;
    item["name"] = entity.name;
    item["kind"] = entity.kind;
    item["aliases"] = entity.aliases;
    if (!entity.country.empty()) item["country"] = entity.country;
    if (!entity.description.empty()) item["description"] = entity.description;
    if (!entity.properties.empty()) item["properties"] = PropertiesJson(entity.properties);
    entities.push_back(std::move(item));
  }
  ordered_json relations = ordered_json::array();
  for (const Relation& relation : graph.relations()) {
    ordered_json item;
    item["source"] = relation.source;
    item["target"] = relation.target;
    item["type"] = relation.type;
    item["weight"] = relation.weight;
    if (!relation.date.empty()) item["date"] = relation.date;
    if (!relation.properties.empty()) item["properties"] = PropertiesJson(relation.properties);
    ordered_json evidence = ordered_json::array();
    for (const Evidence& record : relation.evidence) {
      ordered_json e;
      e["document"] = record.document;
      e["sentence"] = record.sentence;
      e["date"] = record.date;  // written even when empty: a missing date means "the relation's"
      e["locator"] = record.locator;
      e["extractor"] = record.extractor;
      e["confidence"] = record.confidence;
      evidence.push_back(std::move(e));
    }
    item["evidence"] = std::move(evidence);
    relations.push_back(std::move(item));
  }
  root["documents"] = std::move(documents);
  root["entities"] = std::move(entities);
  root["relations"] = std::move(relations);
  // Invalid UTF-8 cannot reach a graph (importers check it); replace rather than throw anyway.
  out << root.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace relgraph::exporter
