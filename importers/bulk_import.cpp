// A bulk import of relations CSV files into an empty store: lines folded straight into flat
// arrays (graph/bulk.h) as they are read, by Merge's rules for that case.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "graph/index_table.h"
#include "importers/importers.h"

namespace relgraph::importers {
namespace {

size_t HashKey(uint32_t source, uint8_t type, uint32_t target) {
  uint64_t x = (uint64_t{source} << 32 | target) * 0x9E3779B97F4A7C15ull;
  x ^= (x >> 29) + uint64_t{type} * 0xBF58476D1CE4E5B9ull;
  return static_cast<size_t>(x ^ (x >> 32));
}

}  // namespace

struct BulkRelationsImport::State {
  const Schema& schema;
  BulkRelations out;
  ImportSummary summary;
  IndexTable id_index, text_index, key_index;
  std::vector<bool> registered;  // by text number: a document registered
  std::unordered_multimap<uint32_t, uint32_t> evidence_of;  // relation -> index in out.evidence
  std::string known_document;

  explicit State(const Schema& schema) : schema(schema) {}

  uint32_t Text(std::string_view text) {
    if (text.empty()) return 0;
    size_t hash = HashId(text);
    if (auto found = text_index.Find(hash, [&](uint32_t i) { return out.texts[i] == text; })) return *found;
    uint32_t number = static_cast<uint32_t>(out.texts.size());
    out.texts.emplace_back(text);
    text_index.Insert(hash, number);
    return number;
  }

  // The entity a reference names: in a store without entities, an id the lines created before
  // (Merge looks names up among the entities that were there when it started: none), else a
  // new entity of that id.
  uint32_t EntityOf(const std::string& reference) {
    size_t hash = HashId(reference);
    if (auto found = id_index.Find(hash, [&](uint32_t i) { return out.ids[i] == reference; })) return *found;
    uint32_t number = static_cast<uint32_t>(out.ids.size());
    out.ids.push_back(reference);
    id_index.Insert(hash, number);
    ++summary.entities_added;
    return number;
  }

  bool Known(uint32_t relation, const Evidence& item) {
    if (out.line_document[relation] != BulkRelations::kNoLine) {
      const std::string& document = out.texts[out.line_document[relation]];
      if (item.sentence.empty() && item.document == document &&
          item.locator == document.substr(5) + ":" + std::to_string(out.line[relation])) {
        return true;
      }
    }
    auto [begin, end] = evidence_of.equal_range(relation);
    for (auto it = begin; it != end; ++it) {
      if (SameStatement(out.evidence[it->second].second, item)) return true;
    }
    return false;
  }

  // False for a line the arrays cannot take as Merge would (left to the general path).
  bool Add(const RelationRecord& record) {
    const Relation& incoming = record.relation;
    // Merge makes an id of a reference with line breaks or tabs by making them spaces: two
    // references may then give one id. Rare; the general path has the rule.
    auto plain = [](const std::string& text) { return text.find_first_of("\t\n\r") == std::string::npos; };
    if (!plain(incoming.source) || !plain(incoming.target) || incoming.evidence.size() != 1) return false;
    uint32_t source = EntityOf(incoming.source);
    uint32_t target = EntityOf(incoming.target);
    std::optional<size_t> position = schema.RelationPosition(incoming.type);
    if (!position) return false;
    uint8_t type = static_cast<uint8_t>(*position);
    if (schema.relation_types()[*position].symmetric && out.ids[target] < out.ids[source]) std::swap(source, target);

    size_t hash = HashKey(source, type, target);
    std::optional<uint32_t> existing = key_index.Find(
        hash, [&](uint32_t i) { return out.source[i] == source && out.target[i] == target && out.type[i] == type; });
    uint32_t relation;
    bool added = !existing;
    if (existing) {
      relation = *existing;
      bool changed = false;
      if (record.weight_given && out.weight[relation] != incoming.weight) {
        out.weight[relation] = incoming.weight;
        changed = true;
      }
      uint32_t date = Text(EarlierDate(out.texts[out.date[relation]], incoming.date));
      if (date != out.date[relation]) {
        out.date[relation] = date;
        changed = true;
      }
      if (!incoming.properties.empty()) {
        Properties& properties = out.properties[relation];
        for (const auto& [name, value] : incoming.properties) {
          auto [it, inserted] = properties.emplace(name, value);
          if (!inserted && it->second != value) {
            it->second = value;
            changed = true;
          }
          changed = changed || inserted;
        }
      }
      if (changed) ++summary.relations_updated;
    } else {
      relation = static_cast<uint32_t>(out.source.size());
      key_index.Insert(hash, relation);
      out.source.push_back(source);
      out.target.push_back(target);
      out.type.push_back(type);
      out.weight.push_back(incoming.weight);
      out.date.push_back(Text(incoming.date));
      if (!incoming.properties.empty()) out.properties.emplace(relation, incoming.properties);
      out.line_document.push_back(BulkRelations::kNoLine);
      out.line.push_back(0);
      out.line_date.push_back(0);
      ++summary.relations_added;
    }

    const Evidence& item = incoming.evidence.front();
    if (!added && Known(relation, item)) return true;
    if (item.document != known_document) {
      uint32_t document = Text(item.document);
      if (registered.size() <= document) registered.resize(document + 1, false);
      if (!registered[document]) {
        registered[document] = true;
        out.documents.push_back(DocumentFromReference(item.document));
        ++summary.documents_added;
      }
      known_document = item.document;
    }
    std::optional<int64_t> line;
    if (added && item.sentence.empty() && item.extractor == "csv" && item.confidence == 1.0) line = LineOfFileLocator(item.document, item.locator);
    if (line) {
      out.line_document[relation] = Text(item.document);
      out.line[relation] = *line;
      out.line_date[relation] = Text(item.date);
    } else {
      evidence_of.emplace(relation, static_cast<uint32_t>(out.evidence.size()));
      out.evidence.emplace_back(relation, item);
    }
    ++summary.evidence_added;
    return true;
  }
};

BulkRelationsImport::BulkRelationsImport(const Schema& schema, std::string entity_kind) : state_(std::make_unique<State>(schema)) {
  state_->out.entity_kind = std::move(entity_kind);
}
BulkRelationsImport::~BulkRelationsImport() = default;

namespace {

// Records read on one thread and folded on another: the reader parses and checks line after
// line (text, fields, dates, numbers: about half the work) while the folding thread looks the
// references and keys up. Batches of records go over in order and come back to be refilled, so
// the records' strings keep their memory.
class RecordChannel {
 public:
  struct Batch {
    std::vector<RelationRecord> records = std::vector<RelationRecord>(kBatch);
    size_t count = 0;
  };
  static constexpr size_t kBatch = 1024, kDepth = 4;

  // The reading side: a batch to fill (nullptr: the folding side stopped), then handed over.
  std::unique_ptr<Batch> Empty() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || full_.size() < kDepth; });
    if (stopped_) return nullptr;
    if (empty_.empty()) return std::make_unique<Batch>();
    std::unique_ptr<Batch> batch = std::move(empty_.back());
    empty_.pop_back();
    return batch;
  }
  void Filled(std::unique_ptr<Batch> batch) {
    std::lock_guard lock(mutex_);
    full_.push_back(std::move(batch));
    changed_.notify_all();
  }
  // The end of the file, or the error that ended the reading (rethrown on the folding side once
  // every record before it is folded, as when one thread did both).
  void Finish(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = error;
    changed_.notify_all();
  }

  // The folding side: the next batch in order; nullptr at the end.
  std::unique_ptr<Batch> Next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !full_.empty() || finished_; });
    if (full_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return nullptr;
    }
    std::unique_ptr<Batch> batch = std::move(full_.front());
    full_.pop_front();
    changed_.notify_all();
    return batch;
  }
  void Done(std::unique_ptr<Batch> batch) {
    std::lock_guard lock(mutex_);
    empty_.push_back(std::move(batch));
    changed_.notify_all();
  }
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> full_;
  std::vector<std::unique_ptr<Batch>> empty_;
  bool finished_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace

bool BulkRelationsImport::Add(const SourceFile& file) {
  RelationsCsvReader reader(file, state_->schema);
  // Room for a relation per line: growing a million by doubling copies each several times.
  size_t lines = static_cast<size_t>(std::count(reader.text().begin(), reader.text().end(), '\n'));
  BulkRelations& out = state_->out;
  size_t room = out.source.size() + std::min<size_t>(lines, size_t{1} << 26);
  for (auto* column : {&out.source, &out.target, &out.date, &out.line_document, &out.line_date}) column->reserve(room);
  out.type.reserve(room);
  out.weight.reserve(room);
  out.line.reserve(room);
  state_->key_index.Reserve(room);
  if (lines < RecordChannel::kBatch) {  // a small file: not worth a thread
    RelationRecord record;
    while (reader.Next(&record)) {
      if (!state_->Add(record)) return false;
    }
    return true;
  }
  RecordChannel channel;
  std::thread reading([&] {
    std::exception_ptr error;
    while (std::unique_ptr<RecordChannel::Batch> batch = channel.Empty()) {
      batch->count = 0;
      try {
        while (batch->count < RecordChannel::kBatch && reader.Next(&batch->records[batch->count])) ++batch->count;
      } catch (...) {
        error = std::current_exception();  // after the records read before it
      }
      bool end = error || batch->count < RecordChannel::kBatch;
      channel.Filled(std::move(batch));
      if (end) break;
    }
    channel.Finish(error);
  });
  // However the folding ends (a line left to Merge, an error), the reader is stopped and joined.
  struct Join {
    RecordChannel& channel;
    std::thread& thread;
    ~Join() {
      channel.Stop();
      thread.join();
    }
  } join{channel, reading};
  while (std::unique_ptr<RecordChannel::Batch> batch = channel.Next()) {
    for (size_t i = 0; i < batch->count; ++i) {
      if (!state_->Add(batch->records[i])) return false;
    }
    channel.Done(std::move(batch));
  }
  return true;
}

const ImportSummary& BulkRelationsImport::summary() const { return state_->summary; }
BulkRelations& BulkRelationsImport::result() { return state_->out; }

}  // namespace relgraph::importers
