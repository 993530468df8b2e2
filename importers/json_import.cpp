// The JSON import format of the command-line contract. nlohmann/json parses it through a SAX
// handler that rejects duplicate keys and deep nesting; errors found later, while checking
// the document's shape, are located by a second SAX pass that finds the offending JSON path.
#include <nlohmann/json.hpp>

#include <iterator>
#include <set>
#include <unordered_set>

#include "common/text.h"
#include "importers/csv_reader.h"
#include "importers/fields.h"
#include "importers/importers.h"

namespace relgraph::importers {
namespace {

using nlohmann::json;

constexpr size_t kMaxJsonDepth = 64;

// A char iterator that tells how far the parser has read, so SAX events can be located.
struct CountingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char* base = nullptr;
  size_t* consumed = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    *consumed = static_cast<size_t>(at - base);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return at == other.at; }
  bool operator!=(const CountingIterator& other) const { return at != other.at; }
};

// Start offset of the token that ends at (or, for numbers, one character before) `consumed`.
size_t TokenStart(std::string_view text, size_t consumed, bool is_string) {
  if (is_string) {
    // consumed is just after the closing quote; find the opening quote, skipping escaped ones.
    size_t p = consumed >= 2 ? consumed - 2 : 0;
    while (p > 0) {
      if (text[p] == '"') {
        size_t backslashes = 0;
        while (p > backslashes && text[p - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return p;
      }
      --p;
    }
    return p;
  }
  auto token_char = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' || c == '-' ||
           c == '.';
  };
  size_t p = std::min(consumed, text.size());
  if (p > 0 && !token_char(text[p - 1])) --p;  // the number's look-ahead character
  while (p > 0 && token_char(text[p - 1])) --p;
  return p;
}

// Pointer token escaping per RFC 6901.
std::string EscapePointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// Walks SAX events keeping the JSON pointer of the current value. Subclasses act on values.
class PathTracker : public nlohmann::json_sax<json> {
 public:
  PathTracker(std::string_view text, const size_t* consumed) : text_(text), consumed_(consumed) {}

 protected:
  // Pointer of the value that starts now; call once per value, before descending.
  std::string CurrentPointer() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out += '/';
      out += frame.is_array ? std::to_string(frame.next_index) : EscapePointerToken(frame.key);
    }
    return out;
  }
  // Subclasses hook here: a value (scalar or container start) begins at `offset`.
  virtual bool OnValue(size_t offset) = 0;
  virtual bool OnKey(const std::string& key, size_t offset) = 0;

  bool Scalar(bool is_string) {
    bool keep_going = OnValue(TokenStart(text_, *consumed_, is_string));
    AfterValue();
    return keep_going;
  }
  void AfterValue() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().next_index;
  }

 public:
  bool null() override { return Scalar(false); }
  bool boolean(bool) override { return Scalar(false); }
  bool number_integer(number_integer_t) override { return Scalar(false); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(false); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(false); }
  bool string(string_t&) override { return Scalar(true); }
  bool binary(binary_t&) override { return Scalar(false); }
  bool start_object(std::size_t) override {
    bool keep_going = OnValue(*consumed_ - 1);
    frames_.push_back({false, 0, ""});
    return keep_going;
  }
  bool key(string_t& key) override {
    frames_.back().key = key;
    return OnKey(key, TokenStart(text_, *consumed_, true));
  }
  bool end_object() override {
    frames_.pop_back();
    AfterValue();
    return true;
  }
  bool start_array(std::size_t) override {
    bool keep_going = OnValue(*consumed_ - 1);
    frames_.push_back({true, 0, ""});
    return keep_going;
  }
  bool end_array() override {
    frames_.pop_back();
    AfterValue();
    return true;
  }

  size_t depth() const { return frames_.size(); }

 protected:
  struct Frame {
    bool is_array;
    size_t next_index;
    std::string key;
  };
  std::string_view text_;
  const size_t* consumed_;
  std::vector<Frame> frames_;
};

// First pass: builds the document, rejecting duplicate keys, deep nesting and syntax errors.
class CheckingBuilder : public PathTracker {
 public:
  CheckingBuilder(std::string path, std::string_view text, const size_t* consumed, json* out)
      : PathTracker(text, consumed), path_(std::move(path)), dom_(*out, false) {}

  bool null() override { return PathTracker::null() && dom_.null(); }
  bool boolean(bool value) override { return PathTracker::boolean(value) && dom_.boolean(value); }
  bool number_integer(number_integer_t value) override {
    return PathTracker::number_integer(value) && dom_.number_integer(value);
  }
  bool number_unsigned(number_unsigned_t value) override {
    return PathTracker::number_unsigned(value) && dom_.number_unsigned(value);
  }
  bool number_float(number_float_t value, const string_t& text) override {
    return PathTracker::number_float(value, text) && dom_.number_float(value, text);
  }
  bool string(string_t& value) override {
    if (value.find('\0') != std::string::npos) {
      Fail(TokenStart(text_, *consumed_, true), "expected a string without NUL characters, found \\u0000");
    }
    return PathTracker::string(value) && dom_.string(value);
  }
  bool binary(binary_t& value) override { return PathTracker::binary(value) && dom_.binary(value); }
  bool start_object(std::size_t size) override {
    bool ok = PathTracker::start_object(size);
    key_sets_.emplace_back();
    return ok && dom_.start_object(size);
  }
  bool key(string_t& key) override {
    if (key.find('\0') != std::string::npos) {
      Fail(TokenStart(text_, *consumed_, true), "expected a key without NUL characters, found \\u0000");
    }
    return PathTracker::key(key) && dom_.key(key);
  }
  bool end_object() override {
    key_sets_.pop_back();
    return PathTracker::end_object() && dom_.end_object();
  }
  bool start_array(std::size_t size) override { return PathTracker::start_array(size) && dom_.start_array(size); }
  bool end_array() override { return PathTracker::end_array() && dom_.end_array(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1,
    // column 5: syntax error while parsing value - ..."; keep what follows the location.
    std::string what = ex.what();
    size_t colon = what.find(": ", what.find("column"));
    what = colon == std::string::npos ? what : what.substr(colon + 2);
    Fail(position > 0 ? position - 1 : 0, "expected valid JSON, found a " + what);
  }

 private:
  bool OnValue(size_t offset) override {
    if (depth() >= kMaxJsonDepth) {
      Fail(offset, "expected JSON nested at most " + std::to_string(kMaxJsonDepth) + " levels deep, found deeper nesting");
    }
    return true;
  }
  bool OnKey(const std::string& key, size_t offset) override {
    if (!key_sets_.back().insert(key).second) {
      Fail(offset, CurrentPointer() + ": expected each key once in an object, found " + QuoteForMessage(key) + " again");
    }
    return true;
  }
  [[noreturn]] void Fail(size_t offset, const std::string& message) {
    throw Error(ErrorKind::kInput, PosOfOffset(path_, text_, offset), message);
  }

  std::string path_;
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<std::unordered_set<std::string>> key_sets_;
};

// Second pass: finds where the value at a JSON pointer starts.
class PointerLocator : public PathTracker {
 public:
  PointerLocator(std::string_view text, const size_t* consumed, std::string pointer)
      : PathTracker(text, consumed), pointer_(std::move(pointer)) {}
  std::optional<size_t> found;
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool OnValue(size_t offset) override {
    if (CurrentPointer() == pointer_) {
      found = offset;
      return false;  // stop parsing
    }
    return true;
  }
  bool OnKey(const std::string&, size_t) override { return true; }
  std::string pointer_;
};

template <typename Handler>
void RunSax(std::string_view text, size_t* consumed, Handler* handler) {
  CountingIterator first{text.data(), text.data(), consumed};
  CountingIterator last{text.data() + text.size(), text.data(), consumed};
  json::sax_parse(first, last, handler, nlohmann::detail::input_format_t::json, true);
}

std::string TypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number";
  }
}

// Checks the shape of the parsed document and builds the batch.
class Reader {
 public:
  Reader(const SourceFile& file, std::string_view text, const Schema& schema)
      : file_(file), text_(text), schema_(schema) {}

  ImportBatch Read(const json& root) {
    Expect(root, json::value_t::object, "", "an object with entities, relations and documents");
    CheckKeys(root, "", {"entities", "relations", "documents"});
    ImportBatch batch;
    if (root.contains("documents")) {
      const json& documents = root["documents"];
      Expect(documents, json::value_t::array, "/documents", "an array of documents");
      for (size_t i = 0; i < documents.size(); ++i) batch.documents.push_back(ReadDocument(documents[i], "/documents/" + std::to_string(i)));
    }
    if (root.contains("entities")) {
      const json& entities = root["entities"];
      Expect(entities, json::value_t::array, "/entities", "an array of entities");
      for (size_t i = 0; i < entities.size(); ++i) batch.entities.push_back(ReadEntity(entities[i], "/entities/" + std::to_string(i)));
    }
    if (root.contains("relations")) {
      const json& relations = root["relations"];
      Expect(relations, json::value_t::array, "/relations", "an array of relations");
      for (size_t i = 0; i < relations.size(); ++i) {
        batch.relations.push_back(ReadRelation(relations[i], "/relations/" + std::to_string(i)));
      }
    }
    return batch;
  }

 private:
  SourcePos Locate(const std::string& pointer) const {
    size_t consumed = 0;
    PointerLocator locator(text_, &consumed, pointer);
    RunSax(text_, &consumed, &locator);
    return PosOfOffset(file_.path, text_, locator.found.value_or(0));
  }
  [[noreturn]] void Fail(const std::string& pointer, const std::string& message) const {
    ThrowInput(Locate(pointer), (pointer.empty() ? "/" : pointer) + ": " + message);
  }
  void Expect(const json& value, json::value_t type, const std::string& pointer, const std::string& what) const {
    bool ok = value.type() == type || (type == json::value_t::number_float && value.is_number());
    if (!ok) Fail(pointer, "expected " + what + ", found " + TypeName(value));
  }
  void CheckKeys(const json& object, const std::string& pointer, const std::set<std::string>& known) const {
    for (const auto& [key, value] : object.items()) {
      if (known.count(key)) continue;
      std::string list;
      for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
      Fail(pointer + "/" + EscapePointerToken(key), "expected one of the keys " + list + ", found " + QuoteForMessage(key) +
                                                        (pointer.empty() ? "" : " (put other fields in \"properties\")"));
    }
  }
  // A string member; `required` rejects absence and emptiness. Text of rule kKey and kLine is
  // trimmed; kText is kept exactly.
  std::string Text(const json& object, const std::string& pointer, const std::string& key, const std::string& what,
                   bool required, TextRule rule = TextRule::kLine) const {
    std::string member = pointer + "/" + key;
    if (!object.contains(key)) {
      if (required) Fail(pointer, "expected " + what + " in \"" + key + "\", found no \"" + key + "\"");
      return "";
    }
    const json& value = object[key];
    Expect(value, json::value_t::string, member, what + " (a string)");
    const std::string& raw = value.get_ref<const std::string&>();
    SourcePos pos;  // located lazily: only errors need it
    try {
      std::string text = CleanText(raw, pos, what, rule);
      if (rule != TextRule::kText) text = std::string(TrimSpace(text));
      if (required && text.empty()) Fail(member, "expected " + what + ", found an empty string");
      return text;
    } catch (const Error& error) {
      if (error.pos() && error.pos()->path.empty()) Fail(member, error.message());
      throw;
    }
  }
  // Runs a field check written for CSV (fields.h) and relocates its error to a JSON pointer.
  template <typename Fn>
  auto Checked(const std::string& pointer, Fn fn) const {
    try {
      return fn(SourcePos{});
    } catch (const Error& error) {
      Fail(pointer, error.message());
    }
  }
  Properties ReadProperties(const json& object, const std::string& pointer) const {
    Properties properties;
    if (!object.contains("properties")) return properties;
    const json& value = object["properties"];
    Expect(value, json::value_t::object, pointer + "/properties", "an object of properties");
    for (const auto& member : value.items()) {
      const std::string& key = member.key();  // not a structured binding: clang 14 cannot capture those
      std::string name =
          Checked(pointer + "/properties", [&](const SourcePos& pos) { return CleanText(key, pos, "a property name", TextRule::kLine); });
      std::string text = member.value().dump();
      Checked(pointer + "/properties/" + EscapePointerToken(key), [&](const SourcePos& pos) {
        CheckPropertyText(text, pos);
        return 0;
      });
      properties[name] = std::move(text);
    }
    return properties;
  }

  Document ReadDocument(const json& object, const std::string& pointer) const {
    Expect(object, json::value_t::object, pointer, "a document object");
    CheckKeys(object, pointer, {"id", "title", "url", "date", "lang"});
    Document document;
    document.id = Text(object, pointer, "id", "a document id", true);
    document.title = Text(object, pointer, "title", "a title", false);
    document.url = Text(object, pointer, "url", "a URL", false);
    std::string date = Text(object, pointer, "date", "a date", false);
    document.date = Checked(pointer + "/date", [&](const SourcePos& pos) { return CheckedDate(date, pos); });
    document.lang = Text(object, pointer, "lang", "a language code", false, TextRule::kKey);
    return document;
  }

  EntityRecord ReadEntity(const json& object, const std::string& pointer) const {
    Expect(object, json::value_t::object, pointer, "an entity object");
    CheckKeys(object, pointer, {"id", "name", "kind", "aliases", "country", "description", "properties"});
    EntityRecord record;
    record.pos = Locate(pointer);
    record.pointer = pointer;
    Entity& entity = record.entity;
    entity.id = Text(object, pointer, "id", "an entity id", true, TextRule::kKey);
    entity.name = Text(object, pointer, "name", "an entity name", true);
    std::string kind = Text(object, pointer, "kind", "an entity kind", true, TextRule::kKey);
    entity.kind = Checked(pointer + "/kind", [&](const SourcePos& pos) { return CheckedKind(kind, pos, schema_); });
    if (object.contains("aliases")) {
      const json& aliases = object["aliases"];
      Expect(aliases, json::value_t::array, pointer + "/aliases", "an array of aliases");
      for (size_t i = 0; i < aliases.size(); ++i) {
        std::string item = pointer + "/aliases/" + std::to_string(i);
        Expect(aliases[i], json::value_t::string, item, "an alias (a string)");
        AddWrittenAlias(&entity, Checked(item, [&](const SourcePos& pos) { return CheckedAlias(aliases[i].get<std::string>(), pos); }));
      }
    }
    entity.country = Text(object, pointer, "country", "a country", false);
    entity.description = Text(object, pointer, "description", "a description", false, TextRule::kText);
    entity.properties = ReadProperties(object, pointer);
    return record;
  }

  RelationRecord ReadRelation(const json& object, const std::string& pointer) const {
    Expect(object, json::value_t::object, pointer, "a relation object");
    CheckKeys(object, pointer, {"source", "target", "type", "relation", "weight", "date", "evidence", "properties"});
    RelationRecord record;
    Relation& relation = record.relation;
    relation.source = Text(object, pointer, "source", "a source entity", true);
    relation.target = Text(object, pointer, "target", "a target entity", true);
    record.pos = Locate(pointer);
    record.pointer = pointer;
    record.source_pos = Locate(pointer + "/source");
    record.target_pos = Locate(pointer + "/target");
    if (object.contains("type") && object.contains("relation")) {
      Fail(pointer + "/relation", "expected the relation type in \"type\" or \"relation\", found both");
    }
    std::string type_key = object.contains("relation") ? "relation" : "type";
    std::string type = Text(object, pointer, type_key, "a relation type", true, TextRule::kKey);
    relation.type = Checked(pointer + "/" + type_key, [&](const SourcePos& pos) { return CheckedRelationType(type, pos, schema_); });
    if (object.contains("weight")) {
      const json& weight = object["weight"];
      record.weight_given = true;
      Expect(weight, json::value_t::number_float, pointer + "/weight", "a weight (a number > 0)");
      relation.weight = Checked(pointer + "/weight", [&](const SourcePos& pos) {
        return CheckedWeight(weight.get<double>(), weight.dump(), pos);
      });
    }
    std::string date = Text(object, pointer, "date", "a date", false);
    relation.date = Checked(pointer + "/date", [&](const SourcePos& pos) { return CheckedDate(date, pos); });
    relation.properties = ReadProperties(object, pointer);
    if (object.contains("evidence")) {
      const json& evidence = object["evidence"];
      Expect(evidence, json::value_t::array, pointer + "/evidence", "an array of evidence");
      for (size_t i = 0; i < evidence.size(); ++i) {
        relation.evidence.push_back(ReadEvidence(evidence[i], pointer + "/evidence/" + std::to_string(i), relation));
      }
    }
    if (relation.evidence.empty()) {
      Evidence bare;
      bare.document = FileDocumentId();
      bare.locator = FileName() + "#" + pointer;
      bare.date = relation.date;
      bare.extractor = "json";
      relation.evidence.push_back(bare);
    }
    return record;
  }

  Evidence ReadEvidence(const json& object, const std::string& pointer, const Relation& relation) const {
    Expect(object, json::value_t::object, pointer, "an evidence object");
    CheckKeys(object, pointer, {"document", "sentence", "date", "locator", "extractor", "confidence"});
    Evidence evidence;
    evidence.document = Text(object, pointer, "document", "a document", false);
    if (evidence.document.empty()) evidence.document = FileDocumentId();
    evidence.sentence = Text(object, pointer, "sentence", "a sentence", false, TextRule::kText);
    std::string date = Text(object, pointer, "date", "a date", false);
    evidence.date = Checked(pointer + "/date", [&](const SourcePos& pos) { return CheckedDate(date, pos); });
    // No "date" key: the statement is dated like its relation. An empty string stays empty (what
    // an export writes for undated evidence, so export then import keeps it undated).
    if (!object.contains("date")) evidence.date = relation.date;
    evidence.locator = Text(object, pointer, "locator", "a locator", false);
    evidence.extractor = Text(object, pointer, "extractor", "an extractor", false);
    if (evidence.extractor.empty()) evidence.extractor = "json";
    if (object.contains("confidence")) {
      const json& confidence = object["confidence"];
      Expect(confidence, json::value_t::number_float, pointer + "/confidence", "a confidence (a number from 0 to 1)");
      evidence.confidence = Checked(pointer + "/confidence", [&](const SourcePos& pos) {
        return CheckedConfidence(confidence.get<double>(), confidence.dump(), pos);
      });
    }
    return evidence;
  }

  std::string FileName() const {
    size_t slash = file_.path.find_last_of('/');
    return slash == std::string::npos ? file_.path : file_.path.substr(slash + 1);
  }
  std::string FileDocumentId() const { return "file:" + FileName(); }

  const SourceFile& file_;
  std::string_view text_;
  const Schema& schema_;
};

}  // namespace

ImportBatch ParseJson(const SourceFile& file, const Schema& schema) {
  std::string_view text = CheckTextEncoding(file.path, file.bytes);
  json root;
  size_t consumed = 0;
  CheckingBuilder builder(file.path, text, &consumed, &root);
  RunSax(text, &consumed, &builder);
  Reader reader(file, text, schema);
  ImportBatch batch = reader.Read(root);
  return batch;
}

}  // namespace relgraph::importers
