// relgraph import FILE...: every file applies, or none does.
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <iostream>

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
};

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
  // what they are doing on stderr, so a long wait is not a silent one.
  std::vector<importers::ImportBatch> batches;
  size_t total_bytes = 0;
  auto progress = [&](const std::string& message) {
    if (!globals.quiet && total_bytes > (8 << 20)) std::cerr << "relgraph: " << message << std::endl;
  };
  for (size_t i = 0; i < options.files.size(); ++i) {
    importers::SourceFile file = importers::ReadSourceFile(options.files[i]);
    total_bytes += file.bytes.size();
    progress("parsing " + file.path + " (" + std::to_string(file.bytes.size() >> 20) + " MiB, file " + std::to_string(i + 1) +
             " of " + std::to_string(options.files.size()) + ")");
    batches.push_back(importers::ParseFile(file, kind, schema));
  }

  importers::ImportSummary summary;
  auto merge = [&](Graph graph) {
    progress("checking references and merging into " + std::to_string(graph.relations().size()) + " stored relations");
    ChangeSet changes;
    importers::MergeOptions merge_options;
    if (options.create_missing) merge_options.create_missing_kind = "organization";
    summary = importers::Merge(&graph, batches, &changes, merge_options);
    if (store && !options.dry_run) {
      progress("writing " + std::to_string(changes.entities.size()) + " entities, " + std::to_string(changes.relations.size()) +
               " relations and " + std::to_string(changes.evidence.size()) + " evidence records in one transaction");
      store->Apply(changes);
    }
  };
  if (options.dry_run) {
    merge(store ? store->Load() : Graph(schema));
  } else {
    store->WriteTransaction([&] { merge(store->Load()); });
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
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* sub = app.add_subcommand("import", "Import entities CSV, relations CSV or JSON files in one transaction");
  sub->add_option("files", options->files, "Files to import (kind detected from extension and CSV header)")->required();
  sub->add_option("--as", options->as, "Kind of every file: entities, relations, json or article")
      ->check(CLI::IsMember({"entities", "relations", "json", "article"}));
  sub->add_flag("--dry-run", options->dry_run, "Check and count what would be added; write nothing");
  sub->add_flag("--create-missing", options->create_missing,
                "Relations may name entities that do not exist yet: create them (kind organization)");
  sub->footer(
      "Every file applies or none does. Examples:\n"
      "  relgraph import data/entities.csv data/relations.csv\n"
      "  relgraph --db news.db import deals.json --format json\n"
      "  relgraph import people.csv --as entities --dry-run");
  commands->push_back({sub, [&globals, options] { return RunImport(globals, *options); }});
}

}  // namespace relgraph::cli
