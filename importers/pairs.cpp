// Files of name pairs: the questions of `path --pairs`.
#include <optional>

#include "common/text.h"
#include "importers/csv_reader.h"
#include "importers/importers.h"

namespace relgraph::importers {

std::vector<NamePair> ReadNamePairs(const SourceFile& file) {
  std::string_view text = CheckTextEncoding(file.path, file.bytes);
  CsvReader reader(file.path, text);
  std::vector<CsvField> fields;
  const std::string expected = "expected a header with columns from,to (or source,target)";
  if (!reader.Next(&fields)) ThrowInput(SourcePos{file.path, 1, 1}, expected + ", found an empty file");
  std::optional<size_t> from, to;
  for (const auto& [from_name, to_name] : {std::pair{"from", "to"}, std::pair{"source", "target"}}) {
    std::optional<size_t> a, b;
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string name(TrimSpace(fields[i].value));
      for (char& c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      if (name == from_name && !a) a = i;
      if (name == to_name && !b) b = i;
    }
    if (a && b && !from) from = a, to = b;
  }
  if (!from) ThrowInput(SourcePos{file.path, 1, 1}, expected);
  size_t columns = fields.size();
  std::vector<NamePair> pairs;
  while (reader.Next(&fields)) {
    if (fields.size() != columns) {
      const CsvField& at = fields.back();
      ThrowInput(reader.Pos(at.line, at.column), "expected " + std::to_string(columns) + " fields as in the header, found " +
                                                     std::to_string(fields.size()));
    }
    NamePair pair;
    for (auto [index, name, pos] : {std::tuple{*from, &pair.from, &pair.from_pos}, std::tuple{*to, &pair.to, &pair.to_pos}}) {
      CsvField& field = fields[index];
      UnguardFormula(&field.value);
      *pos = reader.Pos(field.line, field.column);
      *name = std::string(TrimSpace(field.value));
      if (name->empty()) ThrowInput(*pos, "expected a name (id, name or alias), found an empty field");
      if (auto problem = CheckUtf8(*name)) ThrowInput(*pos, "expected a name in UTF-8, found " + problem->what);
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace relgraph::importers
