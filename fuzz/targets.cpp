#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "common/error.h"
#include "common/text.h"
#include "export/export.h"
#include "fuzz/fuzz_targets.h"
#include "importers/csv_reader.h"
#include "importers/importers.h"
#include "store/store.h"

namespace relgraph::fuzz {
namespace {

// An oracle failure: abort so the fuzzer records the input.
[[noreturn]] void Broken(const std::string& what) {
  std::fprintf(stderr, "oracle broken: %s\n", what.c_str());
  std::abort();
}

Graph Import(const std::vector<importers::ImportBatch>& batches) {
  Graph graph(importers::DefaultSchema());
  ChangeSet changes;
  importers::Merge(&graph, batches, &changes);
  return graph;
}

// What we write must read back to the same graph: JSON always, CSV for what CSV can hold.
void CheckRoundTrip(const Graph& graph) {
  std::ostringstream json;
  exporter::WriteJson(graph, json);
  Graph again = Import({importers::ParseFile({"export.json", json.str()}, importers::FileKind::kJson, importers::DefaultSchema())});
  if (again.entities() != graph.entities()) Broken("JSON export of entities did not read back");
  for (size_t i = 0; i < graph.relations().size(); ++i) {
    const Relation& a = graph.relations()[i];
    auto index = again.FindRelation(KeyOf(a, graph.schema()));
    if (!index || again.relations()[*index] != a) Broken("JSON export of a relation did not read back");
  }
}

template <typename Fn>
int Guard(Fn fn) {
  try {
    fn();
  } catch (const Error&) {
    // Rejected with a message: the expected outcome for bad input.
  }
  return 0;
}

}  // namespace

int CsvReader(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  return Guard([&] {
    std::string_view text = importers::CheckTextEncoding("fuzz.csv", bytes);
    importers::CsvReader reader("fuzz.csv", text);
    std::vector<importers::CsvField> fields;
    std::vector<std::vector<std::string>> records;
    while (reader.Next(&fields)) {
      std::vector<std::string> values;
      for (const auto& field : fields) {
        if (field.line < 1 || field.column < 1) Broken("field without a position");
        values.push_back(field.value);
      }
      records.push_back(values);
    }
    // Oracle: writing the records with our CSV quoting (and formula guard) and reading them
    // back (removing the guard, as the importers do) gives them again. Empty records are
    // skipped as empty lines, so a record of one empty field is not written.
    // Our files start with a header line, so no data field is ever first in a file (where a
    // leading U+FEFF would be read as a byte order mark): write one here too.
    std::string written = "header\n";
    std::vector<std::vector<std::string>> kept;
    for (const auto& record : records) {
      if (record.size() == 1 && record[0].empty()) continue;
      for (size_t i = 0; i < record.size(); ++i) written += (i ? "," : "") + exporter::CsvField(record[i]);
      written += "\n";
      kept.push_back(record);
    }
    importers::CsvReader again("again.csv", written);
    again.Next(&fields);  // the header
    size_t index = 0;
    while (again.Next(&fields)) {
      if (index >= kept.size() || fields.size() != kept[index].size()) Broken("CSV round trip changed the record count");
      for (size_t i = 0; i < fields.size(); ++i) {
        importers::UnguardFormula(&fields[i].value);
        if (fields[i].value != kept[index][i]) Broken("CSV round trip changed a field");
      }
      ++index;
    }
    if (index != kept.size()) Broken("CSV round trip lost records");
  });
}

int EntitiesCsv(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  return Guard([&] {
    Graph graph = Import({importers::ParseFile({"e.csv", bytes}, importers::FileKind::kEntities, importers::DefaultSchema())});
    CheckRoundTrip(graph);
  });
}

int RelationsCsv(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  static const std::string kEntities = "id,name,kind,aliases\na,A,company,에이|Alpha\nb,B,university,비\nc,C,person,\"씨|C, Jr.\"\n";
  // Parsed outside the guard: if our own fixture stopped parsing, every input would be
  // rejected before reaching the relations code, and the fuzzer would test nothing.
  static const importers::ImportBatch entities =
      importers::ParseFile({"e.csv", kEntities}, importers::FileKind::kEntities, importers::DefaultSchema());
  return Guard([&] {
    auto relations = importers::ParseFile({"r.csv", bytes}, importers::FileKind::kRelations, importers::DefaultSchema());
    importers::MergeOptions options;
    if (size % 2) options.create_missing_kind = "organization";
    Graph graph(importers::DefaultSchema());
    ChangeSet changes;
    importers::Merge(&graph, {entities, relations}, &changes, options);
    CheckRoundTrip(graph);
  });
}

int JsonImport(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  return Guard([&] {
    Graph graph = Import({importers::ParseFile({"g.json", bytes}, importers::FileKind::kJson, importers::DefaultSchema())});
    CheckRoundTrip(graph);
  });
}

int Article(const uint8_t* data, size_t size) {
  // Arbitrary bytes as a news article, as text, Markdown or HTML by the first byte. Oracle:
  // every relation's evidence sentence is text of the article, found at the character offsets
  // the locator gives, and the batch merges into a graph like any other import.
  std::string bytes(reinterpret_cast<const char*>(data), size);
  static const char* kExtensions[] = {"a.txt", "a.md", "a.html"};
  const char* path = kExtensions[size == 0 ? 0 : data[0] % 3];
  return Guard([&] {
    Graph graph(importers::DefaultSchema());
    importers::ArticleImporter importer(graph);
    importers::ImportBatch batch = importer.Parse({path, bytes}, {});
    importers::ImportBatch entities = importer.TakeEntities();
    // For plain text the sentence is exactly the code points [A, B) of the NFC text that the
    // locator "chars A-B" names, but for line breaks that unwrapping read as spaces (HTML and
    // Markdown sentences have markup and entities removed).
    std::vector<std::string> code_points;
    if (std::string(path) == "a.txt") {
      std::string nfc = ToNfc(bytes.substr(bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0));
      for (size_t i = 0; i < nfc.size();) {
        size_t length = 1;
        while (i + length < nfc.size() && (static_cast<unsigned char>(nfc[i + length]) & 0xC0) == 0x80) ++length;
        code_points.push_back(nfc.substr(i, length));
        i += length;
      }
    }
    for (const auto& record : batch.relations) {
      for (const Evidence& evidence : record.relation.evidence) {
        if (evidence.sentence.empty()) Broken("an article relation without its sentence");
        if (evidence.confidence < 0 || evidence.confidence > 1) Broken("a confidence outside [0, 1]");
        size_t from = 0, to = 0;
        if (std::sscanf(evidence.locator.c_str(), "chars %zu-%zu", &from, &to) != 2 || from > to) {
          Broken("a locator that is not 'chars A-B': " + evidence.locator);
        }
        if (!code_points.empty()) {
          if (to > code_points.size()) Broken("a locator past the end of the text: " + evidence.locator);
          std::string span;
          for (size_t i = from; i < to; ++i) span += code_points[i];
          // Hard-wrapped wire copy is unwrapped: there a line break (LF or CR LF) reads as a space.
          std::string unwrapped;
          for (size_t i = 0; i < span.size(); ++i) {
            if (span[i] == '\r' && i + 1 < span.size() && span[i + 1] == '\n') continue;
            unwrapped += span[i] == '\n' ? ' ' : span[i];
          }
          if (span != evidence.sentence && unwrapped != evidence.sentence) Broken("the sentence is not the text at " + evidence.locator);
        }
      }
    }
    ChangeSet changes;
    importers::Merge(&graph, {entities, batch}, &changes);
  });
}

int StoreOpen(const uint8_t* data, size_t size) {
  // Arbitrary bytes as a store file: refused, or read, or reported by check; never a crash,
  // and never modified by a read-only open (beyond SQLite rolling back its own journal).
  static const std::string path = [] {
    char pattern[] = "/tmp/relgraph-fuzz-XXXXXX";
    int fd = mkstemp(pattern);
    if (fd >= 0) close(fd);
    return std::string(pattern);
  }();
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return 0;
  std::fwrite(data, 1, size, file);
  std::fclose(file);
  Guard([&] {
    auto store = store::Store::Open(path, store::Store::Mode::kReadOnly, importers::DefaultSchema());
    Graph graph = store->Load();
    store->Check();
    for (const auto& snapshot : store->Snapshots()) store->Load({snapshot.name, ""});
  });
  return 0;
}

}  // namespace relgraph::fuzz
