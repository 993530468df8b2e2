// Article import: a news article (text, Markdown or HTML) becomes a document, typed relations
// with sentence evidence, and the entities they use.
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <set>

#include "common/text.h"
#include "data/embedded.h"
#include "importers/article_internal.h"
#include "importers/csv_reader.h"
#include "importers/fields.h"
#include "importers/importers.h"

namespace relgraph::importers {

using article::Catalog;

struct ArticleImporter::State {
  State(const Graph& graph) : graph(graph), catalog(graph, data::LexiconCsv()) {}
  const Graph& graph;
  Catalog catalog;
  std::set<int> used;                  // catalog entities some relation uses
  std::set<std::string> documents;     // ids parsed in this run
  std::vector<std::string> skipped;    // files already imported
  std::string first_path;
};

ArticleImporter::ArticleImporter(const Graph& graph) : state_(std::make_unique<State>(graph)) {}
ArticleImporter::~ArticleImporter() = default;

namespace {

std::string FileKindOf(const std::string& path) {
  size_t dot = path.find_last_of('.');
  size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "txt";
  std::string extension = path.substr(dot + 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "html" || extension == "htm") return "html";
  if (extension == "md" || extension == "markdown") return "md";
  return "txt";
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

uint64_t Fnv1a(std::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return hash;
}

// An amount as JSON number text: whole numbers without decimals. Amounts beyond 2^53 (a
// sentence may state any number of digits) are printed as they are, never cast to an integer.
std::string NumberText(double value) {
  char buffer[512];
  if (std::fabs(value) < 9007199254740992.0 && value == std::floor(value)) {
    std::snprintf(buffer, sizeof buffer, "%" PRId64, static_cast<int64_t>(value));
  } else if (std::isfinite(value)) {
    std::snprintf(buffer, sizeof buffer, value == std::floor(value) ? "%.0f" : "%.2f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "0");
  }
  return buffer;
}

// Code point offsets, lines and columns of byte offsets, counted forward from the last answer
// (sentences come in order, so a whole article costs one pass over its text).
class SourceCursor {
 public:
  explicit SourceCursor(std::string_view text) : text_(text) {}
  // Moves to a byte offset; returns the number of code points before it.
  size_t At(size_t byte) {
    if (byte < byte_) byte_ = 0, points_ = 0, line_ = 1, column_points_ = 0;
    for (; byte_ < byte && byte_ < text_.size(); ++byte_) {
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++points_, ++column_points_;
      if (text_[byte_] == '\n') ++line_, column_points_ = 0;
    }
    return points_;
  }
  SourcePos Pos(const std::string& path, size_t byte) {
    At(byte);
    return {path, line_, static_cast<int64_t>(column_points_) + 1};
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  size_t points_ = 0;
  int64_t line_ = 1;
  size_t column_points_ = 0;
};

}  // namespace

ImportBatch ArticleImporter::Parse(const SourceFile& file, const ArticleOptions& options) {
  State& state = *state_;
  if (state.first_path.empty()) state.first_path = file.path;
  std::string_view raw = CheckTextEncoding(file.path, file.bytes);
  std::string source = ToNfc(raw);

  if (!options.date.empty()) {
    if (auto problem = CheckDate(options.date)) throw Error(ErrorKind::kUsage, "--date: " + *problem);
  }
  article::CleanText clean = article::CleanArticle(source, FileKindOf(file.path));
  article::Lang lang = options.lang.empty() ? article::DetectLang(clean.text) : article::ParseLang(options.lang);

  Document document;
  char hash[32];
  std::snprintf(hash, sizeof hash, "%016" PRIx64, Fnv1a(source));
  document.id = !options.url.empty() ? options.url : "article:" + std::string(hash);
  document.url = options.url;
  document.title = !options.title.empty() ? options.title : !clean.title.empty() ? clean.title : BaseName(file.path);
  document.date = !options.date.empty() ? options.date : clean.date;
  document.lang = std::string(article::LangCode(lang));

  ImportBatch batch;
  // The registry: an article already in the store (or twice in one import) adds nothing.
  if (state.graph.FindDocument(document.id) != nullptr || !state.documents.insert(document.id).second) {
    state.skipped.push_back(file.path);
    return batch;
  }
  batch.documents.push_back(document);

  article::SentenceExtractor extractor(&state.catalog, article::DefaultRuleSet(), lang, document.date);
  article::Discourse discourse;
  SourceCursor counter(source);
  std::vector<article::SentenceSpan> sentences = article::SplitSentences(clean.text, lang);
  // Each sentence is read once in order, the discourse carried along. Kept per sentence: what it
  // found, how many entities were known after it and the discourse's scalar state before it (the
  // topic, the raiser, the pair and the recent names: a few dozen integers, so keeping them costs
  // a constant per sentence, whatever the article's length).
  struct Reading {
    int topic = -1, last_topic = -1, raiser = -1;
    std::pair<int, int> pair{-1, -1};
    std::vector<int> recent;
    int known_after = 0;
    std::vector<article::Extraction> found;
  };
  std::vector<Reading> readings(sentences.size());
  size_t previous_end = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const article::SentenceSpan& span = sentences[i];
    // A new paragraph starts a new topic.
    if (clean.text.substr(previous_end, span.begin - previous_end).find('\n') != std::string::npos) discourse.topic = -1;
    previous_end = span.end;
    Reading& reading = readings[i];
    reading.topic = discourse.topic, reading.last_topic = discourse.last_topic, reading.raiser = discourse.raiser;
    reading.pair = discourse.pair, reading.recent = discourse.recent;
    reading.found = extractor.Extract(std::string_view(clean.text).substr(span.begin, span.end - span.begin), &discourse);
    reading.known_after = state.catalog.size();
  }
  // A name the text taught only later ("SK텔레콤에서 스핀아웃한 마키나락스는 … 스타트업이다") may
  // stand in an earlier sentence ("LG는 마키나락스에 투자했다"): such a sentence is read again in
  // the discourse it had, and what it then says about that name is added (each sentence is read
  // at most twice). Only names some relation uses count; the gazetteer finds them in one pass
  // over the sentence.
  const int known_now = state.catalog.size();
  std::set<int> related;
  for (const Reading& reading : readings) {
    for (const article::Extraction& extraction : reading.found) related.insert(extraction.source), related.insert(extraction.target);
  }
  for (size_t i = 0; i < sentences.size() && !related.empty(); ++i) {
    if (readings[i].known_after >= known_now) continue;
    std::string_view sentence = std::string_view(clean.text).substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    std::set<int> later;
    for (const article::Mention& mention : state.catalog.FindMentions(sentence, lang)) {
      const int index = mention.entity;
      if (index < readings[i].known_after || !state.catalog.at(index).discovered || related.count(index) == 0) continue;
      // (Chinese writes no spaces: a name that runs on into more Han characters is part of a
      // longer one, "社保基金" in "社保基金中关村自主创新基金".)
      char32_t next = 0;
      if (mention.end < sentence.size()) article::DecodeAt(sentence, mention.end, &next);
      if (lang == article::Lang::kChinese && article::IsHan(next)) continue;
      later.insert(index);
    }
    if (later.empty()) continue;
    article::Discourse again;
    again.topic = readings[i].topic, again.last_topic = readings[i].last_topic, again.raiser = readings[i].raiser;
    again.pair = readings[i].pair, again.recent = readings[i].recent;
    for (article::Extraction& extraction : extractor.Extract(sentence, &again)) {
      if (later.count(extraction.source) == 0 && later.count(extraction.target) == 0) continue;
      readings[i].found.push_back(std::move(extraction));
    }
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    const article::SentenceSpan& span = sentences[i];
    std::string_view sentence = std::string_view(clean.text).substr(span.begin, span.end - span.begin);
    const std::vector<article::Extraction>& found = readings[i].found;
    if (found.empty()) continue;
    size_t source_begin = clean.origin[span.begin];
    size_t source_end = clean.origin[span.end - 1] + 1;
    while (source_end < source.size() && (static_cast<unsigned char>(source[source_end]) & 0xC0) == 0x80) ++source_end;
    SourcePos pos = counter.Pos(file.path, source_begin);
    size_t first_char = counter.At(source_begin);
    std::string locator = "chars " + std::to_string(first_char) + "-" + std::to_string(counter.At(source_end));
    for (const article::Extraction& extraction : found) {
      if (extraction.confidence < options.min_confidence) continue;
      const Entity& source_entity = state.catalog.at(extraction.source).entity;
      const Entity& target_entity = state.catalog.at(extraction.target).entity;
      RelationRecord record;
      record.relation.source = source_entity.id;
      record.relation.target = target_entity.id;
      record.relation.type = extraction.type;
      record.relation.date = extraction.date;
      if (!extraction.amount_value.currency.empty()) {
        record.relation.properties["amount"] = JsonString(extraction.amount_value.text);
        record.relation.properties["amount_value"] = NumberText(extraction.amount_value.value);
        record.relation.properties["currency"] = JsonString(extraction.amount_value.currency);
      }
      Evidence evidence;
      evidence.document = document.id;
      evidence.sentence = std::string(sentence);
      evidence.date = document.date;
      evidence.locator = locator;
      evidence.extractor = "article:" + extraction.rule;
      evidence.confidence = static_cast<double>(static_cast<int>(extraction.confidence * 100 + 0.5)) / 100;
      record.relation.evidence.push_back(std::move(evidence));
      record.pos = record.source_pos = record.target_pos = pos;
      batch.relations.push_back(std::move(record));
      state.used.insert(state.catalog.Canonical(extraction.source));
      state.used.insert(state.catalog.Canonical(extraction.target));
    }
  }
  return batch;
}

ImportBatch ArticleImporter::TakeEntities() {
  State& state = *state_;
  ImportBatch batch;
  // An entry may have come to stand for another since a relation used it (a name discovered
  // later and merged): what is needed is the entry it stands for now.
  std::set<int> used;
  for (int index : state.used) used.insert(state.catalog.Canonical(index));
  for (int index = 0; index < state.catalog.size(); ++index) {
    if (state.catalog.Canonical(index) != index) continue;  // stands for another entry
    const article::CatalogEntity& entry = state.catalog.at(index);
    bool needed = entry.in_store ? !entry.new_aliases.empty() : used.count(index) != 0;
    if (!needed) continue;
    EntityRecord record;
    record.entity = entry.entity;
    record.pos = SourcePos{state.first_path, 0, 0};
    batch.entities.push_back(std::move(record));
  }
  state.used.clear();
  return batch;
}

const std::vector<std::string>& ArticleImporter::skipped() const { return state_->skipped; }

ImportBatch ParseArticle(const SourceFile& file, const Schema& schema, const ArticleOptions& options) {
  Graph empty(schema);
  ArticleImporter importer(empty);
  ImportBatch batch = importer.Parse(file, options);
  ImportBatch entities = importer.TakeEntities();
  batch.entities = std::move(entities.entities);
  return batch;
}

}  // namespace relgraph::importers
