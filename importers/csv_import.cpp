// Entities CSV and relations CSV, as in the command-line contract. Columns are matched by
// header name in any order; every record must have as many fields as the header.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "common/csv_columns.h"
#include "common/text.h"
#include "importers/csv_reader.h"
#include "importers/fields.h"
#include "importers/importers.h"

namespace relgraph::importers {
namespace {


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
      CleanText(name, pos, "a column name", TextRule::kLine);
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

// Where the known columns of an entities file are (nullopt: absent), looked up once per file.
struct EntityColumns {
  explicit EntityColumns(const Header& header)
      : id(header.Find("id")),
        name(header.Find("name")),
        kind(header.Find("kind")),
        aliases(header.Find("aliases")),
        country(header.Find("country")),
        description(header.Find("description")) {}
  std::optional<size_t> id, name, kind, aliases, country, description;
};

// The same for a relations file.
struct RelationColumns {
  explicit RelationColumns(const Header& header)
      : source(header.Find("source")),
        target(header.Find("target")),
        relation(header.Find("relation")),
        weight(header.Find("weight")),
        date(header.Find("date")),
        source_doc(header.Find("source_doc")),
        evidence(header.Find("evidence")),
        evidence_date(header.Find("evidence_date")),
        locator(header.Find("locator")),
        extractor(header.Find("extractor")),
        confidence(header.Find("confidence")) {}
  std::optional<size_t> source, target, relation, weight, date, source_doc, evidence, evidence_date, locator, extractor,
      confidence;
};

// The records of a file after its header, one at a time, with fields addressed by column
// index (EntityColumns, RelationColumns). Every field is checked with its position at hand for
// messages, so the positions live here, one per column: they share the reader's path and each
// record only sets their lines and columns.
class Records {
 public:
  // Columns outside `known` hold properties.
  Records(CsvReader* reader, const Header& header, const std::set<std::string>& known)
      : reader_(*reader), header_(header), positions_(header.size(), reader->Pos(0, 0)) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (!known.count(header.name(i))) property_columns_.push_back(i);
    }
  }

  // Reads the next record; false at the end of the file. Throws when it has a different number
  // of fields than the header.
  bool Next() {
    if (!reader_.Next(&fields_)) return false;
    for (CsvField& field : fields_) UnguardFormula(&field.value);
    if (fields_.size() != header_.size()) {
      const CsvField& at = fields_.size() > header_.size() ? fields_[header_.size()] : fields_.back();
      int64_t column = at.column + (fields_.size() > header_.size() ? 0 : static_cast<int64_t>(CountCodePoints(at.value)));
      ThrowInput(reader_.Pos(at.line, column), "expected " + std::to_string(header_.size()) +
                                                   " fields as in the header, found " + std::to_string(fields_.size()));
    }
    for (size_t i = 0; i < fields_.size(); ++i) {
      positions_[i].line = fields_[i].line;
      positions_[i].column = fields_[i].column;
    }
    return true;
  }

  // The value of a column in the current record; empty when the file has no such column.
  std::string_view Get(std::optional<size_t> column) const {
    return column ? std::string_view(fields_[*column].value) : std::string_view();
  }
  // Where that value is; the start of the record when the file has no such column. Valid until
  // the next call to Next().
  const SourcePos& PosOf(std::optional<size_t> column) const { return positions_[column.value_or(0)]; }
  const SourcePos& Start() const { return positions_[0]; }
  int64_t line() const { return reader_.record_line(); }

  // Property columns with a non-empty value become properties (JSON strings).
  Properties ExtraProperties() const {
    Properties properties;
    for (size_t i : property_columns_) {
      if (fields_[i].value.empty()) continue;
      properties[header_.name(i)] = JsonString(CleanText(fields_[i].value, positions_[i], "a property value", TextRule::kText));
    }
    return properties;
  }

 private:
  CsvReader& reader_;
  const Header& header_;
  std::vector<CsvField> fields_;
  std::vector<SourcePos> positions_;
  std::vector<size_t> property_columns_;
};

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Reserves room for one record per line feed. Without it the vector doubles its way up,
// moving every record into fresh memory each time: a fifth of the time a large file took.
// Lines are only an upper bound (quoted fields span lines, a bad record ends the parse early),
// so the reservation stops at 1 GiB of records; past that the vector grows as before.
template <typename Record>
void ReserveForLines(std::vector<Record>* records, std::string_view text) {
  constexpr size_t kMaxReservedBytes = size_t{1} << 30;
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  records->reserve(std::min(lines, kMaxReservedBytes / sizeof(Record)));
}

}  // namespace

ImportBatch ParseEntitiesCsv(const SourceFile& file, const Schema& schema) {
  std::string_view text = CheckTextEncoding(file.path, file.bytes);
  CsvReader reader(file.path, text);
  Header header(&reader, file.path, {"id", "name", "kind"}, "an entities file");
  const EntityColumns columns(header);
  Records records(&reader, header, kEntityCsvColumns);
  ImportBatch batch;
  ReserveForLines(&batch.entities, text);
  while (records.Next()) {
    EntityRecord out;
    out.pos = records.Start();
    Entity& entity = out.entity;
    entity.id = RequiredText(records.Get(columns.id), records.PosOf(columns.id), "an entity id", TextRule::kKey);
    entity.name = RequiredText(records.Get(columns.name), records.PosOf(columns.name), "an entity name", TextRule::kLine);
    entity.kind = CheckedKind(records.Get(columns.kind), records.PosOf(columns.kind), schema);
    std::string_view aliases = records.Get(columns.aliases);
    const SourcePos& aliases_pos = records.PosOf(columns.aliases);
    while (!aliases.empty()) {
      size_t bar = aliases.find('|');
      AddWrittenAlias(&entity, CheckedAlias(aliases.substr(0, bar), aliases_pos));
      if (bar == std::string_view::npos) break;
      aliases.remove_prefix(bar + 1);
    }
    entity.country =
        std::string(TrimSpace(CleanText(records.Get(columns.country), records.PosOf(columns.country), "a country", TextRule::kLine)));
    entity.description = CleanText(records.Get(columns.description), records.PosOf(columns.description), "a description", TextRule::kText);
    entity.properties = records.ExtraProperties();
    batch.entities.push_back(std::move(out));
  }
  return batch;
}

struct RelationsCsvReader::State {
  State(const SourceFile& file, const Schema& schema)
      : schema(schema),
        text(CheckTextEncoding(file.path, file.bytes)),
        reader(file.path, text),
        header(&reader, file.path, {"source", "target", "relation"}, "a relations file"),
        columns(header),
        records(&reader, header, kRelationCsvColumns),
        file_name(BaseName(file.path)),
        file_document("file:" + file_name) {}
  const Schema& schema;
  std::string_view text;
  CsvReader reader;
  Header header;
  const RelationColumns columns;
  Records records;
  // Rows without source_doc are evidenced by the file itself; Merge registers the documents.
  const std::string file_name;
  const std::string file_document;
};

RelationsCsvReader::RelationsCsvReader(const SourceFile& file, const Schema& schema)
    : state_(std::make_unique<State>(file, schema)) {}
RelationsCsvReader::~RelationsCsvReader() = default;

std::string_view RelationsCsvReader::text() const { return state_->text; }

bool RelationsCsvReader::Next(RelationRecord* out) {
  State& s = *state_;
  Records& records = s.records;
  const RelationColumns& columns = s.columns;
  if (!records.Next()) return false;
  out->pointer.clear();
  out->pos = records.Start();
  out->source_pos = records.PosOf(columns.source);
  out->target_pos = records.PosOf(columns.target);
  Relation& relation = out->relation;
  relation.source = RequiredText(records.Get(columns.source), out->source_pos, "a source entity", TextRule::kLine);
  relation.target = RequiredText(records.Get(columns.target), out->target_pos, "a target entity", TextRule::kLine);
  relation.type = CheckedRelationType(records.Get(columns.relation), records.PosOf(columns.relation), s.schema);
  relation.weight = ParseWeight(records.Get(columns.weight), records.PosOf(columns.weight));
  out->weight_given = !TrimSpace(records.Get(columns.weight)).empty();
  relation.date = CheckedDate(records.Get(columns.date), records.PosOf(columns.date));
  relation.properties = records.ExtraProperties();

  relation.evidence.resize(1);
  Evidence& evidence = relation.evidence[0];
  evidence = Evidence();
  std::string source_doc(
      TrimSpace(CleanText(records.Get(columns.source_doc), records.PosOf(columns.source_doc), "a document", TextRule::kLine)));
  evidence.document = source_doc.empty() ? s.file_document : source_doc;
  evidence.sentence = std::string(
      TrimSpace(CleanText(records.Get(columns.evidence), records.PosOf(columns.evidence), "an evidence sentence", TextRule::kText)));
  std::string evidence_date = CheckedDate(records.Get(columns.evidence_date), records.PosOf(columns.evidence_date));
  evidence.date = evidence_date.empty() ? relation.date : evidence_date;
  std::string locator(TrimSpace(CleanText(records.Get(columns.locator), records.PosOf(columns.locator), "a locator", TextRule::kLine)));
  evidence.locator = locator.empty() ? s.file_name + ":" + std::to_string(records.line()) : locator;
  std::string extractor(
      TrimSpace(CleanText(records.Get(columns.extractor), records.PosOf(columns.extractor), "an extractor", TextRule::kLine)));
  evidence.extractor = extractor.empty() ? "csv" : extractor;
  std::string_view confidence = TrimSpace(records.Get(columns.confidence));
  if (!confidence.empty()) {
    double value = 0;
    auto [end, ec] = std::from_chars(confidence.data(), confidence.data() + confidence.size(), value);
    if (ec != std::errc() || end != confidence.data() + confidence.size()) value = -1;
    evidence.confidence = CheckedConfidence(value, confidence, records.PosOf(columns.confidence));
  }
  return true;
}

ImportBatch ParseRelationsCsv(const SourceFile& file, const Schema& schema) {
  RelationsCsvReader reader(file, schema);
  ImportBatch batch;
  ReserveForLines(&batch.relations, reader.text());
  RelationRecord record;
  while (reader.Next(&record)) batch.relations.push_back(std::move(record));
  return batch;
}

}  // namespace relgraph::importers
