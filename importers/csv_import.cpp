// Entities CSV and relations CSV, as in the command-line contract. Columns are matched by
// header name in any order; every record must have as many fields as the header.
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "common/text.h"
#include "importers/csv_reader.h"
#include "importers/fields.h"
#include "importers/importers.h"

namespace relgraph::importers {
namespace {

// Column names that are not properties.
const std::set<std::string> kEntityColumns = {"id", "name", "kind", "aliases", "country", "description"};
const std::set<std::string> kRelationColumns = {"source",   "target",   "relation",  "weight",    "date",
                                                "source_doc", "evidence", "evidence_date", "locator", "extractor",
                                                "confidence"};

// The header of a CSV file: column name -> index.
class Header {
 public:
  Header(CsvReader* reader, const std::string& path, const std::vector<std::string>& required,
         std::string_view file_description) {
    std::vector<CsvField> fields;
    if (!reader->Next(&fields)) {
      ThrowInput(SourcePos{path, 1, 1}, "expected a header line with " + Join(required) + ", found an empty file");
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string name(TrimSpace(fields[i].value));
      for (char& c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      SourcePos pos = reader->Pos(fields[i].line, fields[i].column);
      if (name.empty()) ThrowInput(pos, "expected a column name in the header, found an empty field");
      if (auto problem = CheckUtf8(name)) ThrowInput(pos, "expected a column name in UTF-8, found " + problem->what);
      if (!index_.emplace(name, i).second) {
        ThrowInput(pos, "expected each column once in the header, found " + QuoteForMessage(name) + " again");
      }
      names_.push_back(ToNfc(name));
    }
    for (const std::string& column : required) {
      if (!index_.count(column)) {
        ThrowInput(SourcePos{path, 1, 1}, "expected a header with columns " + Join(required) + " (" +
                                              std::string(file_description) + "), found no column " +
                                              QuoteForMessage(column));
      }
    }
  }

  size_t size() const { return names_.size(); }
  const std::string& name(size_t i) const { return names_[i]; }
  std::optional<size_t> Find(const std::string& column) const {
    auto it = index_.find(column);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

 private:
  static std::string Join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ",") + name;
    return out;
  }
  std::map<std::string, size_t> index_;
  std::vector<std::string> names_;
};

// One record with its fields addressed by column name.
class Record {
 public:
  Record(const CsvReader& reader, const Header& header, std::vector<CsvField>* fields)
      : reader_(reader), header_(header), fields_(*fields) {
    for (CsvField& field : fields_) UnguardFormula(&field.value);
    if (fields_.size() != header_.size()) {
      const CsvField& at = fields_.size() > header_.size() ? fields_[header_.size()] : fields_.back();
      int64_t column = at.column + (fields_.size() > header_.size() ? 0 : static_cast<int64_t>(CountCodePoints(at.value)));
      ThrowInput(reader_.Pos(at.line, column), "expected " + std::to_string(header_.size()) +
                                                   " fields as in the header, found " + std::to_string(fields_.size()));
    }
  }
  std::string_view Get(const std::string& column) const {
    auto index = header_.Find(column);
    return index ? std::string_view(fields_[*index].value) : std::string_view();
  }
  SourcePos PosOf(const std::string& column) const {
    auto index = header_.Find(column);
    const CsvField& field = fields_[index ? *index : 0];
    return reader_.Pos(field.line, field.column);
  }
  SourcePos Start() const { return reader_.Pos(fields_[0].line, fields_[0].column); }
  // Columns outside `known` with a non-empty value become properties (JSON strings).
  Properties ExtraProperties(const std::set<std::string>& known) const {
    Properties properties;
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (known.count(header_.name(i)) || fields_[i].value.empty()) continue;
      SourcePos pos = reader_.Pos(fields_[i].line, fields_[i].column);
      properties[header_.name(i)] = JsonString(CleanText(fields_[i].value, pos, "a property value", true));
    }
    return properties;
  }

 private:
  const CsvReader& reader_;
  const Header& header_;
  std::vector<CsvField>& fields_;
};

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

ImportBatch ParseEntitiesCsv(const SourceFile& file, const Schema& schema) {
  std::string_view text = CheckTextEncoding(file.path, file.bytes);
  CsvReader reader(file.path, text);
  Header header(&reader, file.path, {"id", "name", "kind"}, "an entities file");
  ImportBatch batch;
  std::vector<CsvField> fields;
  while (reader.Next(&fields)) {
    Record record(reader, header, &fields);
    EntityRecord out;
    out.pos = record.Start();
    Entity& entity = out.entity;
    entity.id = RequiredText(record.Get("id"), record.PosOf("id"), "an entity id");
    entity.name = RequiredText(record.Get("name"), record.PosOf("name"), "an entity name");
    entity.kind = CheckedKind(record.Get("kind"), record.PosOf("kind"), schema);
    std::string_view aliases = record.Get("aliases");
    SourcePos aliases_pos = record.PosOf("aliases");
    while (!aliases.empty()) {
      size_t bar = aliases.find('|');
      AddAlias(&entity, CheckedAlias(aliases.substr(0, bar), aliases_pos));
      if (bar == std::string_view::npos) break;
      aliases.remove_prefix(bar + 1);
    }
    entity.country = std::string(TrimSpace(CleanText(record.Get("country"), record.PosOf("country"), "a country", false)));
    entity.description = CleanText(record.Get("description"), record.PosOf("description"), "a description", true);
    entity.properties = record.ExtraProperties(kEntityColumns);
    batch.entities.push_back(std::move(out));
  }
  return batch;
}

ImportBatch ParseRelationsCsv(const SourceFile& file, const Schema& schema) {
  std::string_view text = CheckTextEncoding(file.path, file.bytes);
  CsvReader reader(file.path, text);
  Header header(&reader, file.path, {"source", "target", "relation"}, "a relations file");
  ImportBatch batch;
  // Rows without source_doc are evidenced by the file itself; Merge registers the documents.
  const std::string file_document = "file:" + BaseName(file.path);
  std::vector<CsvField> fields;
  while (reader.Next(&fields)) {
    Record record(reader, header, &fields);
    RelationRecord out;
    out.pos = record.Start();
    out.source_pos = record.PosOf("source");
    out.target_pos = record.PosOf("target");
    Relation& relation = out.relation;
    relation.source = RequiredText(record.Get("source"), out.source_pos, "a source entity");
    relation.target = RequiredText(record.Get("target"), out.target_pos, "a target entity");
    relation.type = CheckedRelationType(record.Get("relation"), record.PosOf("relation"), schema);
    relation.weight = ParseWeight(record.Get("weight"), record.PosOf("weight"));
    out.weight_given = !TrimSpace(record.Get("weight")).empty();
    relation.date = CheckedDate(record.Get("date"), record.PosOf("date"));
    relation.properties = record.ExtraProperties(kRelationColumns);

    Evidence evidence;
    std::string source_doc(TrimSpace(CleanText(record.Get("source_doc"), record.PosOf("source_doc"), "a document", false)));
    evidence.document = source_doc.empty() ? file_document : source_doc;
    evidence.sentence = std::string(TrimSpace(CleanText(record.Get("evidence"), record.PosOf("evidence"), "an evidence sentence", true)));
    std::string evidence_date = CheckedDate(record.Get("evidence_date"), record.PosOf("evidence_date"));
    evidence.date = evidence_date.empty() ? relation.date : evidence_date;
    std::string locator(TrimSpace(CleanText(record.Get("locator"), record.PosOf("locator"), "a locator", false)));
    evidence.locator = locator.empty() ? BaseName(file.path) + ":" + std::to_string(reader.record_line()) : locator;
    std::string extractor(TrimSpace(CleanText(record.Get("extractor"), record.PosOf("extractor"), "an extractor", false)));
    evidence.extractor = extractor.empty() ? "csv" : extractor;
    std::string_view confidence = TrimSpace(record.Get("confidence"));
    if (!confidence.empty()) {
      double value = 0;
      auto [end, ec] = std::from_chars(confidence.data(), confidence.data() + confidence.size(), value);
      if (ec != std::errc() || end != confidence.data() + confidence.size()) value = -1;
      evidence.confidence = CheckedConfidence(value, confidence, record.PosOf("confidence"));
    }
    relation.evidence.push_back(std::move(evidence));
    batch.relations.push_back(std::move(out));
  }
  return batch;
}

}  // namespace relgraph::importers
