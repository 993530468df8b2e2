// relgraph import FILE...: every file applies, or none does.
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/output.h"
#include "common/error.h"
#include "importers/importers.h"
#include "store/store.h"

namespace relgraph::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string as;
  bool dry_run = false;
  bool create_missing = false;
  importers::ArticleOptions article;  // --title --url --date --lang --min-confidence
};

// What an article relation would say, for --dry-run: names, the rule and the sentence.
struct ArticleLine {
  std::string source, relation, target, rule, sentence, locator, document, amount, date;
  double confidence = 0;
  std::string source_id, target_id;
};

// What an import prints: the counts of what it added and updated (and, for a dry run of
// articles, the relations found in them).
int Report(const GlobalOptions& globals, const ImportOptions& options, const std::string& path,
           const importers::ImportSummary& summary, const std::vector<std::string>& skipped,
           bool had_articles, const std::vector<ArticleLine>& article_lines) {
  if (!globals.quiet && globals.OutputFormat() != Format::kJson) {
    for (const std::string& file : skipped) std::cerr << "relgraph: note: " << file << " was imported before; nothing to add\n";
  }
  if (globals.OutputFormat() == Format::kJson) {
    Json out;
    out["entities_added"] = summary.entities_added;
    out["entities_updated"] = summary.entities_updated;
    out["relations_added"] = summary.relations_added;
    out["relations_updated"] = summary.relations_updated;
    out["evidence_added"] = summary.evidence_added;
    out["documents_added"] = summary.documents_added;
    out["files"] = options.files;
    out["store"] = path;
    out["dry_run"] = options.dry_run;
    if (had_articles) {
      out["articles_skipped"] = skipped;
      Json lines = Json::array();
      for (const ArticleLine& line : article_lines) {
        Json item;
        item["source"] = line.source;
        item["relation"] = line.relation;
        item["target"] = line.target;
        item["source_id"] = line.source_id;
        item["target_id"] = line.target_id;
        item["confidence"] = line.confidence;
        item["extractor"] = line.rule;
        if (!line.amount.empty()) item["amount"] = line.amount;
        if (!line.date.empty()) item["date"] = line.date;
        item["document"] = line.document;
        item["locator"] = line.locator;
        item["sentence"] = line.sentence;
        lines.push_back(std::move(item));
      }
      out["article_relations"] = std::move(lines);
    }
    PrintJson(std::cout, out);
    return 0;
  }
  Table table({"what", "added", "updated"});
  table.AddRow({"entities", std::to_string(summary.entities_added), std::to_string(summary.entities_updated)});
  table.AddRow({"relations", std::to_string(summary.relations_added), std::to_string(summary.relations_updated)});
  table.AddRow({"evidence", std::to_string(summary.evidence_added), "0"});
  table.AddRow({"documents", std::to_string(summary.documents_added), "0"});
  if (globals.OutputFormat() == Format::kTable) {
    std::cout << (options.dry_run ? "Would import " : "Imported ") << options.files.size()
              << (options.files.size() == 1 ? " file" : " files") << (options.dry_run ? " into " : " into ") << path
              << (options.dry_run ? " (dry run: nothing written)" : "") << "\n\n";
  }
  table.Print(std::cout, globals.OutputFormat());
  if (options.dry_run && globals.OutputFormat() == Format::kTable && !article_lines.empty()) {
    std::cout << "\nRelations found in the articles:\n";
    for (const ArticleLine& line : article_lines) {
      char confidence[16];
      std::snprintf(confidence, sizeof confidence, "%.2f", line.confidence);
      std::cout << "\n  " << ForTerminal(line.source) << " -" << line.relation << "-> " << ForTerminal(line.target) << "  (" << confidence
                << ", " << line.rule << (line.amount.empty() ? "" : ", " + ForTerminal(line.amount))
                << (line.date.empty() ? "" : ", " + line.date) << ")\n    \"" << ForTerminal(line.sentence) << "\" [" << line.locator
                << "]\n";
    }
  }
  return 0;
}

int RunImport(const GlobalOptions& globals, const ImportOptions& options) {
  importers::FileKind kind = options.as.empty() ? importers::FileKind::kAuto : importers::ParseFileKind(options.as);
  std::string path = globals.DbPath();

  // The vocabulary is the store's when it exists (users may have extended it).
  std::unique_ptr<store::Store> store;
  struct stat info {};
  bool exists = stat(path.c_str(), &info) == 0;
  if (!options.dry_run || exists) {
    store = store::Store::Open(path, options.dry_run ? store::Store::Mode::kReadOnly : store::Store::Mode::kReadWrite,
                               importers::DefaultSchema());
  }
  const Schema& schema = store ? store->schema() : importers::DefaultSchema();

  // Parse every file before touching the store: a bad file costs nothing. Large imports say
  // what they are doing on stderr, so a long wait is not a silent one. Articles are parsed
  // against the stored entities, so inside the transaction (below).
  std::vector<importers::ImportBatch> batches;
  std::vector<importers::SourceFile> articles;
  size_t total_bytes = 0;
  auto started = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& message) {
    if (globals.quiet || total_bytes <= (8 << 20)) return;
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f s", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    std::cerr << "relgraph: [" << elapsed << "] " << message << std::endl;
  };
  // A bulk import: relations CSV files into a store with nothing in it, --create-missing. The
  // lines are folded into flat arrays as they are read and written from them, with the same
  // result as the general way below; any other case (or a line the arrays leave to Merge) goes
  // the general way, from the start.
  std::vector<importers::SourceFile> read_files;  // files the bulk way read before it gave up
  if (store && !options.dry_run && options.create_missing && store->CountEntities() == 0) {
    store::Store::Counts counts = store->CountAll();
    if (counts.relations == 0 && counts.evidence == 0 && counts.documents == 0) {
      importers::BulkRelationsImport bulk(schema, "organization");
      bool taken = true;
      for (size_t i = 0; taken && i < options.files.size(); ++i) {
        // Kept for the general way: a file is read once (a pipe gives its bytes only once).
        read_files.push_back(importers::ReadSourceFile(options.files[i]));
        const importers::SourceFile& file = read_files.back();
        total_bytes += file.bytes.size();
        importers::FileKind file_kind = kind == importers::FileKind::kAuto ? importers::DetectKind(file) : kind;
        if (file_kind != importers::FileKind::kRelations) {
          taken = false;
          break;
        }
        progress("reading " + file.path + " (" + std::to_string(file.bytes.size() >> 20) + " MiB, file " + std::to_string(i + 1) +
                 " of " + std::to_string(options.files.size()) + ")");
        taken = bulk.Add(file);
      }
      bool written = false;
      if (taken) {
        const BulkRelations& result = bulk.result();
        progress("writing " + std::to_string(result.ids.size()) + " entities and " + std::to_string(result.relation_count()) +
                 " relations in one transaction");
        // Another process may have imported meanwhile: then nothing is written here.
        store->WriteTransaction([&] { written = store->ApplyBulk(result); });
      }
      if (written) {
        progress("committed");
        return Report(globals, options, path, bulk.summary(), {}, false, {});
      }
      total_bytes = 0;
    }
  }
  for (size_t i = 0; i < options.files.size(); ++i) {
    importers::SourceFile file = i < read_files.size() ? std::move(read_files[i]) : importers::ReadSourceFile(options.files[i]);
    total_bytes += file.bytes.size();
    importers::FileKind file_kind = kind == importers::FileKind::kAuto ? importers::DetectKind(file) : kind;
    if (file_kind == importers::FileKind::kArticle) {
      articles.push_back(std::move(file));
      continue;
    }
    progress("parsing " + file.path + " (" + std::to_string(file.bytes.size() >> 20) + " MiB, file " + std::to_string(i + 1) +
             " of " + std::to_string(options.files.size()) + ")");
    batches.push_back(importers::ParseFile(file, file_kind, schema));
  }
  if (!options.article.url.empty() && articles.size() > 1) {
    throw Error(ErrorKind::kUsage, "--url names one article, found " + std::to_string(articles.size()) + " article files");
  }
  if (!options.article.date.empty()) {
    if (auto problem = CheckDate(options.article.date)) throw Error(ErrorKind::kUsage, "--date: " + *problem);
  }
  if (options.article.min_confidence < 0 || options.article.min_confidence > 1) {
    throw Error(ErrorKind::kUsage, "--min-confidence expects a number in [0, 1], found " + std::to_string(options.article.min_confidence));
  }

  importers::ImportSummary summary;
  std::vector<std::string> skipped;
  std::vector<ArticleLine> article_lines;
  ChangeSet changes;
  importers::MergeOptions merge_options;
  if (options.create_missing) merge_options.create_missing_kind = "organization";
  std::vector<importers::ImportBatch> all = std::move(batches);
  size_t first_article = all.size();
  // Articles are read against every stored entity's names (to find them in running text) and
  // every document id (to skip an article seen before), but none of the relations. They are
  // parsed before the write transaction, from what the store held then, so the write lock is
  // not held while they are parsed; the write transaction parses them again only when another
  // process committed in between (Store::DataVersion), as what they found may have changed.
  std::vector<importers::ImportBatch> article_batches;
  std::optional<int64_t> articles_parsed_at;  // the store's data version they were parsed from
  auto parse_articles = [&] {
    article_batches.clear();
    if (articles.empty()) return;
    Graph known(schema);
    if (store) {
      progress("reading the stored entities and documents");
      articles_parsed_at = store->DataVersion();
      store::ReadOptions names_only;
      names_only.entities_only = true;
      known = store->Load(names_only);
      for (Document& document : store->Documents()) known.PutDocument(std::move(document));
    }
    progress("parsing " + std::to_string(articles.size()) + (articles.size() == 1 ? " article" : " articles"));
    importers::ArticleImporter importer(known);
    for (const importers::SourceFile& file : articles) article_batches.push_back(importer.Parse(file, options.article));
    article_batches.push_back(importer.TakeEntities());
    skipped = importer.skipped();
  };
  // Outside any transaction: a dry run reads in one read transaction (below) instead.
  if (!options.dry_run) parse_articles();
  // What --dry-run prints of the articles' relations, with the names the merged graph has.
  auto describe_articles = [&](const Graph& graph) {
    for (size_t b = first_article; b < all.size(); ++b) {
      for (const importers::RelationRecord& record : all[b].relations) {
        auto name = [&](const std::string& id) {
          auto index = graph.FindEntity(id);
          return index ? graph.entities()[*index].name : id;
        };
        const Evidence& evidence = record.relation.evidence.front();
        ArticleLine line{name(record.relation.source), record.relation.type, name(record.relation.target), evidence.extractor,
                         evidence.sentence, evidence.locator, evidence.document, "", record.relation.date, evidence.confidence,
                         record.relation.source, record.relation.target};
        if (auto amount = record.relation.properties.find("amount"); amount != record.relation.properties.end()) {
          line.amount = Json::parse(amount->second).get<std::string>();
        }
        article_lines.push_back(std::move(line));
      }
    }
  };
  auto merge_into = [&](Graph graph, const std::string& what) {
    progress("checking references and merging into " + what + " (" + std::to_string(graph.entities().size()) + " entities, " +
             std::to_string(graph.relations().size()) + " relations)");
    ChangeSet merged;
    summary = importers::Merge(&graph, all, &merged, merge_options);
    changes = std::move(merged);
    describe_articles(graph);
  };
  // The files merge into the part of the stored graph they name (LoadForMerge), unless they
  // name a good share of it anyway: then loading it whole is cheaper than looking every name up.
  // May run twice (see below): the articles' batches are copied in, and what it reports is
  // started afresh.
  auto merge = [&] {
    if (options.dry_run || (articles_parsed_at && store->DataVersion() != *articles_parsed_at)) parse_articles();
    all.resize(first_article);
    all.insert(all.end(), article_batches.begin(), article_batches.end());
    article_lines.clear();
    int64_t stored_entities = store ? store->CountEntities() : 0;
    if (stored_entities > 0) {
      importers::MergeLookups lookups = importers::LookupsOf(all);
      if (4 * static_cast<int64_t>(lookups.entity_references.size()) < stored_entities) {
        progress("reading the stored entities and relations the files name");
        try {
          merge_into(LoadForMerge(*store, lookups), "the part of the store they name");
          return;
        } catch (const Error& error) {
          // A reference error is explained again from the whole graph, whose near matches
          // ("did you mean ...?") a part does not have.
          if (error.kind() != ErrorKind::kInput) throw;
        }
      }
    }
    progress("reading the stored graph");
    merge_into(store ? store->Load() : Graph(schema), "the stored graph");
  };
  if (options.dry_run) {
    if (store) store->BeginRead();  // one consistent state for every part read
    merge();
    progress("merged (dry run: nothing is written)");
  } else {
    // Read and merge without the write lock, so other writers and readers go on meanwhile;
    // then write in one short transaction. When another process committed in between, what
    // was read may be stale (or read across two states): merge again inside the transaction.
    int64_t read_at = store->DataVersion();
    merge();
    store->WriteTransaction([&] {
      if (store->DataVersion() != read_at) {
        progress("the store changed while reading; merging again");
        merge();
      }
      progress("writing " + std::to_string(changes.entities.size()) + " entities, " +
               std::to_string(changes.new_relations.size() + changes.relations.size()) + " relations and " +
               std::to_string(changes.evidence.size()) + " evidence records in one transaction");
      store->Apply(changes);
    });
    progress("committed");
  }

  return Report(globals, options, path, summary, skipped, !articles.empty(), article_lines);
}

}  // namespace

void AddImportCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* sub = app.add_subcommand("import", "Import entities CSV, relations CSV, JSON or news articles in one transaction");
  sub->add_option("files", options->files, "Files to import (kind detected from extension and CSV header; .txt/.md/.html are articles)")->required();
  sub->add_option("--as", options->as, "Kind of every file: entities, relations, json or article")
      ->check(CLI::IsMember({"entities", "relations", "json", "article"}));
  sub->add_flag("--dry-run", options->dry_run, "Check and count what would be added (articles: list the relations with their sentences); write nothing");
  sub->add_option("--title", options->article.title, "Articles: the document title (default: the headline, else the file name)");
  sub->add_option("--url", options->article.url, "Article: its URL, also its document id (one article only)");
  sub->add_option("--date", options->article.date, "Articles: publication date YYYY[-MM[-DD]] (default: the dateline); resolves '지난해', '3월 16일'");
  sub->add_option("--lang", options->article.lang, "Articles: ko, zh or en (default: detected)")->check(CLI::IsMember({"ko", "zh", "en"}));
  sub->add_option("--min-confidence", options->article.min_confidence, "Articles: drop relations whose confidence is below this")
      ->capture_default_str();
  sub->add_flag("--create-missing", options->create_missing,
                "Relations may name entities that do not exist yet: create them (kind organization)");
  sub->footer(
      "Every file applies or none does. Examples:\n"
      "  relgraph import data/entities.csv data/relations.csv\n"
      "  relgraph --db news.db import deals.json --format json\n"
      "  relgraph import people.csv --as entities --dry-run\n"
      "  relgraph import data/articles/*.txt --dry-run\n"
      "  relgraph import story.html --url https://example.com/story --date 2023-06-01 --lang ko\n"
      "Text: quoted CSV cells and JSON strings may hold line breaks and tabs, kept exactly (ids may\n"
      "not); other control characters are refused. Aliases are kept as written (NAVER|Naver keeps\n"
      "both). Lines of spaces and tabs are skipped.");
  commands->push_back({sub, [&globals, options] { return RunImport(globals, *options); }});
}

}  // namespace relgraph::cli
