// Writers that turn a graph into files other tools and relgraph itself can read: the import
// JSON format and the import CSV formats, so export followed by import gives the same graph.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph.h"

namespace relgraph::exporter {

// {"documents":[...],"entities":[...],"relations":[...]} in the import JSON format, evidence
// and properties included, entities by id and relations by key.
void WriteJson(const Graph& graph, std::ostream& out);

// Writes PREFIX.entities.csv and PREFIX.relations.csv in the import CSV formats (UTF-8, LF,
// RFC 4180 quoting). A relation with several evidence records becomes one row per record,
// which the importer folds back into one relation. Throws Error(kStorage) when a file cannot
// be written; each file is written to a temporary name and renamed, so it is whole or absent.
// Returns the two paths written.
std::pair<std::string, std::string> WriteCsv(const Graph& graph, const std::string& prefix);

// One CSV field, quoted when it holds a comma, quote, line break or leading/trailing space.
std::string CsvField(std::string_view text);

// Shortest text that reads back as the same double.
std::string FormatNumber(double value);

}  // namespace relgraph::exporter
