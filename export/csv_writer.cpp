#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>

#include "common/csv_columns.h"
#include "common/error.h"
#include "export/atomic_file.h"
#include "export/export.h"

namespace relgraph::exporter {
namespace {


// A property value as CSV text: JSON strings unquoted (the importer reads cells as strings),
// other JSON values as their JSON text.
std::string PropertyCell(const std::string& json_text) {
  auto value = nlohmann::json::parse(json_text, nullptr, false);
  if (value.is_string()) return value.get<std::string>();
  return json_text;
}

// Property columns: every key used, except ones that would clash with a format column.
template <typename Items, typename Get>
std::vector<std::string> PropertyColumns(const Items& items, Get properties_of, const std::set<std::string>& reserved) {
  std::set<std::string> keys;
  for (const auto& item : items) {
    for (const auto& [key, value] : properties_of(item)) {
      if (!reserved.count(key)) keys.insert(key);
    }
  }
  return {keys.begin(), keys.end()};
}


void WriteRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << CsvField(cells[i]);
  out << '\n';
}

}  // namespace

std::string CsvField(std::string_view text) {
  // Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a
  // formula. Such a cell, and one that starts with an apostrophe followed by one of those or
  // another apostrophe, gets one more apostrophe in front; relgraph's importer removes it again
  // (importers/csv_import.cpp), so values round-trip exactly.
  std::string guarded;
  if (!text.empty() && (std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos ||
                        (text[0] == '\'' && text.size() > 1 && std::string_view("=+-@\t\r'").find(text[1]) != std::string_view::npos))) {
    guarded = "'" + std::string(text);
    text = guarded;
  }
  bool quote = text.find_first_of(",\"\r\n\t") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string FormatNumber(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::pair<std::string, std::string> WriteCsv(const Graph& graph, const std::string& prefix) {
  std::string entities_path = prefix + ".entities.csv";
  std::string relations_path = prefix + ".relations.csv";

  internal::AtomicFile entities_file(entities_path);
  auto entity_columns = PropertyColumns(graph.entities(), [](const Entity& e) -> const Properties& { return e.properties; }, kEntityCsvColumns);
  std::vector<std::string> header = {"id", "name", "kind", "aliases", "country", "description"};
  header.insert(header.end(), entity_columns.begin(), entity_columns.end());
  WriteRow(entities_file.out(), header);
  for (const Entity& entity : graph.entities()) {
    std::string aliases;
    for (const std::string& alias : entity.aliases) aliases += (aliases.empty() ? "" : "|") + alias;
    std::vector<std::string> row = {entity.id, entity.name, entity.kind, aliases, entity.country, entity.description};
    for (const std::string& key : entity_columns) {
      auto it = entity.properties.find(key);
      row.push_back(it == entity.properties.end() ? "" : PropertyCell(it->second));
    }
    WriteRow(entities_file.out(), row);
  }

  internal::AtomicFile relations_file(relations_path);
  auto relation_columns = PropertyColumns(graph.relations(), [](const Relation& r) -> const Properties& { return r.properties; }, kRelationCsvColumns);
  header = {"source", "target", "relation", "weight", "date", "source_doc", "evidence", "evidence_date", "locator", "extractor",
                                                "confidence"};
  header.insert(header.end(), relation_columns.begin(), relation_columns.end());
  WriteRow(relations_file.out(), header);
  for (const Relation& relation : graph.relations()) {
    std::vector<std::string> properties;
    for (const std::string& key : relation_columns) {
      auto it = relation.properties.find(key);
      properties.push_back(it == relation.properties.end() ? "" : PropertyCell(it->second));
    }
    std::vector<Evidence> evidence = relation.evidence;
    if (evidence.empty()) evidence.emplace_back();
    for (const Evidence& record : evidence) {
      std::vector<std::string> row = {relation.source, relation.target, relation.type,
                                      FormatNumber(relation.weight), relation.date, record.document,
                                      record.sentence, record.date == relation.date ? "" : record.date,
                                      record.locator, record.extractor,
                                      record.document.empty() ? "" : FormatNumber(record.confidence)};
      row.insert(row.end(), properties.begin(), properties.end());
      WriteRow(relations_file.out(), row);
    }
  }
  entities_file.Commit();
  relations_file.Commit();
  return {entities_path, relations_path};
}

}  // namespace relgraph::exporter
