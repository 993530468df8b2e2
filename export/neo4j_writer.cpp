// Neo4j bulk-import files: entities.csv, relations.csv and import.sh (neo4j-admin database
// import full), in the header format of Neo4j's importer.
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "common/error.h"
#include "export/atomic_file.h"
#include "export/export.h"

namespace relgraph::exporter {
namespace {

// Columns a property could clash with: ours, in both files.
const std::set<std::string> kReservedNames = {"id", "name", "kind", "aliases", "country", "description",
                                              "weight", "date", "symmetric", "evidence"};

// One RFC 4180 field, quoted when it holds a delimiter, quote, line break or surrounding
// space, or is empty (Neo4j reads "" as an empty string, an unquoted empty field as no value).
// Unlike CsvField there is no spreadsheet formula guard: Neo4j takes cells as data, so the
// text goes in exactly as it is.
std::string Field(std::string_view text) {
  bool quote = text.empty() || text.find_first_of(",\"\r\n\t") != std::string_view::npos || text.front() == ' ' ||
               text.back() == ' ';
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// The Neo4j type of a property column: the narrowest that every value in it has.
enum class ColumnType { kLong, kDouble, kBoolean, kString };

ColumnType TypeOf(const nlohmann::json& value) {
  if (value.is_number_integer()) return ColumnType::kLong;
  if (value.is_number()) return ColumnType::kDouble;
  if (value.is_boolean()) return ColumnType::kBoolean;
  return ColumnType::kString;
}

ColumnType Widen(ColumnType a, ColumnType b) {
  if (a == b) return a;
  bool numbers = (a == ColumnType::kLong || a == ColumnType::kDouble) && (b == ColumnType::kLong || b == ColumnType::kDouble);
  return numbers ? ColumnType::kDouble : ColumnType::kString;
}

const char* TypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kLong:
      return "long";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kBoolean:
      return "boolean";
    case ColumnType::kString:
      return "string";
  }
  return "string";
}

// A property's value as the cell text of its column type. Strings go in unquoted (as text);
// objects, arrays and, in a string column, numbers and booleans go in as their JSON text.
std::string CellText(const nlohmann::json& value, ColumnType type) {
  if (value.is_string()) return value.get<std::string>();
  if (type == ColumnType::kDouble && value.is_number()) return FormatNumber(value.get<double>());
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The property columns of a set of items: name -> (header name, type). A property named like
// one of our columns gets the prefix "property_"; ':' (it starts the type in a header) becomes '_'.
struct PropertyColumn {
  std::string header;
  ColumnType type = ColumnType::kLong;
};

template <typename Items>
std::map<std::string, PropertyColumn> PropertyColumns(const Items& items) {
  std::map<std::string, PropertyColumn> columns;
  std::set<std::string> headers;
  for (const auto& item : items) {
    for (const auto& [key, text] : item.properties) {
      auto value = nlohmann::json::parse(text, nullptr, false);
      auto [it, added] = columns.try_emplace(key);
      if (added) it->second.type = TypeOf(value);
      else it->second.type = Widen(it->second.type, TypeOf(value));
    }
  }
  for (auto& [key, column] : columns) {
    std::string header = key;
    for (char& c : header) {
      if (c == ':') c = '_';
    }
    if (kReservedNames.count(header) || header.empty()) header = "property_" + header;
    while (!headers.insert(header).second) header += "_";
    column.header = header;
  }
  return columns;
}

// The array delimiter: ';' (the importer's default) unless an alias holds one; then '|'
// (aliases never hold it: it separates them in relgraph's CSV), named in import.sh.
char ArrayDelimiter(const Graph& graph) {
  for (const Entity& entity : graph.entities()) {
    for (const std::string& alias : entity.aliases) {
      if (alias.find(';') != std::string::npos) return '|';
    }
  }
  return ';';
}

// A cell; nullopt is no value (an unquoted empty field), so absent properties stay absent.
using Cell = std::optional<std::string>;

Cell Optional(const std::string& text) { return text.empty() ? Cell() : Cell(text); }

void WriteRow(std::ostream& out, const std::vector<Cell>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << (cells[i] ? Field(*cells[i]) : "");
  out << '\n';
}

// The cell of one property column: no value when the item has no such property.
Cell PropertyCell(const Properties& properties, const std::string& key, ColumnType type) {
  auto it = properties.find(key);
  if (it == properties.end()) return Cell();
  return CellText(nlohmann::json::parse(it->second, nullptr, false), type);
}

void WriteHeader(std::ostream& out, const std::vector<std::string>& names) {
  WriteRow(out, std::vector<Cell>(names.begin(), names.end()));
}

std::string EvidenceJson(const Graph& graph, const Relation& relation) {
  nlohmann::json records = nlohmann::json::array();
  for (const Evidence& evidence : relation.evidence) {
    nlohmann::json record = {{"document", evidence.document}, {"sentence", evidence.sentence}, {"date", evidence.date},
                             {"locator", evidence.locator},   {"extractor", evidence.extractor},
                             {"confidence", evidence.confidence}};
    if (const Document* document = graph.FindDocument(evidence.document)) {
      if (!document->title.empty()) record["title"] = document->title;
      if (!document->url.empty()) record["url"] = document->url;
    }
    records.push_back(std::move(record));
  }
  return records.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Neo4jFiles WriteNeo4j(const Graph& graph, const std::string& directory) {
  if (mkdir(directory.c_str(), 0777) != 0 && errno != EEXIST) {
    throw Error(ErrorKind::kStorage, directory + ": cannot create the folder: " + std::strerror(errno));
  }
  struct stat info {};
  if (stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    throw Error(ErrorKind::kStorage, directory + ": expected a folder for the Neo4j files, found a file");
  }
  const char delimiter = ArrayDelimiter(graph);

  // Streamed to the files: a graph too large for one machine's other tools must not need its
  // export twice in memory.
  Neo4jFiles files{directory + "/entities.csv", directory + "/relations.csv", directory + "/import.sh"};
  internal::AtomicFile entities_file(files.entities);
  std::ostream& entities = entities_file.out();
  auto entity_columns = PropertyColumns(graph.entities());
  std::vector<std::string> header = {"id:ID", "name", "kind", ":LABEL", "aliases:string[]", "country", "description"};
  for (const auto& [key, column] : entity_columns) header.push_back(column.header + ":" + TypeName(column.type));
  WriteHeader(entities, header);
  for (const Entity& entity : graph.entities()) {
    std::string aliases;
    for (const std::string& alias : entity.aliases) aliases += (aliases.empty() ? "" : std::string(1, delimiter)) + alias;
    // Labels: every node is an Entity, and its kind is a second label.
    std::string labels = "Entity" + std::string(1, delimiter) + entity.kind;
    std::vector<Cell> row = {entity.id,         entity.name,
                             entity.kind,       labels,
                             Optional(aliases), Optional(entity.country),
                             Optional(entity.description)};
    for (const auto& [key, column] : entity_columns) row.push_back(PropertyCell(entity.properties, key, column.type));
    WriteRow(entities, row);
  }

  internal::AtomicFile relations_file(files.relations);
  std::ostream& relations = relations_file.out();
  auto relation_columns = PropertyColumns(graph.relations());
  header = {":START_ID", ":END_ID", ":TYPE", "weight:double", "date", "symmetric:boolean", "evidence"};
  for (const auto& [key, column] : relation_columns) header.push_back(column.header + ":" + TypeName(column.type));
  WriteHeader(relations, header);
  for (const Relation& relation : graph.relations()) {
    const RelationType* type = graph.schema().FindRelation(relation.type);
    std::vector<Cell> row = {relation.source,
                             relation.target,
                             relation.type,
                             FormatNumber(relation.weight),
                             Optional(relation.date),
                             std::string(type != nullptr && type->symmetric ? "true" : "false"),
                             EvidenceJson(graph, relation)};
    for (const auto& [key, column] : relation_columns) row.push_back(PropertyCell(relation.properties, key, column.type));
    WriteRow(relations, row);
  }

  std::string script =
      "#!/bin/sh\n"
      "# Loads entities.csv and relations.csv (written by relgraph export neo4j) into a new Neo4j 5\n"
      "# database with the bulk importer. The database must not exist yet, or be stopped and\n"
      "# replaced: add --overwrite-destination=true. Usage: sh import.sh [DATABASE] (default neo4j),\n"
      "# with neo4j-admin on the PATH or NEO4J_HOME set; afterwards run CREATE DATABASE DATABASE\n"
      "# (Enterprise) or restart Neo4j.\n"
      "set -eu\n"
      "cd \"$(dirname \"$0\")\"\n"
      "admin=neo4j-admin\n"
      "[ -n \"${NEO4J_HOME:-}\" ] && admin=\"$NEO4J_HOME/bin/neo4j-admin\"\n"
      "# Text fields may hold line breaks: --multiline-fields. Ids are strings (--id-type=string).\n"
      "\"$admin\" database import full \"${1:-neo4j}\" \\\n"
      "  --nodes=entities.csv \\\n"
      "  --relationships=relations.csv \\\n"
      "  --id-type=string \\\n"
      "  --multiline-fields=true \\\n"
      "  --array-delimiter='" + std::string(1, delimiter) + "'\n";

  entities_file.Commit();
  relations_file.Commit();
  WriteFileAtomically(files.script, script);
  chmod(files.script.c_str(), 0755);
  return files;
}

}  // namespace relgraph::exporter
