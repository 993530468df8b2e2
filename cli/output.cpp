#include "cli/output.h"

#include <algorithm>

#include "common/text.h"
#include "export/export.h"

namespace relgraph::cli {

std::string ForTerminal(const std::string& text) { return ShowControls(text); }

void Table::Print(std::ostream& out, Format format) const {
  if (format == Format::kCsv) {
    auto row_out = [&](const std::vector<std::string>& cells) {
      for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << exporter::CsvField(cells[i]);
      out << '\n';
    };
    row_out(headers_);
    for (const auto& row : rows_) row_out(row);
    return;
  }
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(ForTerminal(row[i])));
  }
  auto row_out = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      std::string cell = ForTerminal(cells[i]);
      line += cell;
      if (i + 1 < cells.size()) line += std::string(widths[i] - DisplayWidth(cell) + 2, ' ');
    }
    out << line << '\n';
  };
  row_out(headers_);
  std::vector<std::string> rules;
  for (size_t width : widths) rules.push_back(std::string(width, '-'));
  row_out(rules);
  for (const auto& row : rows_) row_out(row);
}

void PrintJson(std::ostream& out, const Json& value) {
  out << value.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json EvidenceJson(const Graph& graph, const Evidence& evidence) {
  Json item;
  item["document"] = evidence.document;
  if (const Document* document = graph.FindDocument(evidence.document)) {
    if (!document->title.empty()) item["title"] = document->title;
    if (!document->url.empty()) item["url"] = document->url;
  }
  item["sentence"] = evidence.sentence;
  item["date"] = evidence.date;
  item["locator"] = evidence.locator;
  item["extractor"] = evidence.extractor;
  item["confidence"] = evidence.confidence;
  return item;
}

}  // namespace relgraph::cli
