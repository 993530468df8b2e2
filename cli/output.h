// Printers: one result shape, three formats. Tables are aligned for people (wide Hangul and
// Hanja count two columns), CSV follows RFC 4180, JSON is one document on stdout.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "cli/context.h"

namespace relgraph::cli {

using Json = nlohmann::ordered_json;

class Table {
 public:
  explicit Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  bool empty() const { return rows_.empty(); }
  // kTable: aligned columns under a header; kCsv: header and rows as CSV. (Not for kJson.)
  void Print(std::ostream& out, Format format) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// One JSON document and a newline; invalid UTF-8 is replaced, never thrown on.
void PrintJson(std::ostream& out, const Json& value);

// Control characters in user text would move the cursor or fake lines in a terminal table:
// line breaks and tabs are shown as \n, \r and \t, other C0 controls and DEL as \xNN, C1
// controls as \uNNNN, bytes that are not UTF-8 as \xNN (common/text.h ShowControls).
std::string ForTerminal(const std::string& text);

// Evidence as JSON, with the document's title and URL.
Json EvidenceJson(const Graph& graph, const Evidence& evidence);

}  // namespace relgraph::cli
