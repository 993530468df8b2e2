// relgraph: build a typed, evidenced graph of industry relationships and question it.
// main() builds the command line from the subcommand table, runs the chosen one, and is the
// one place where errors become messages and exit codes.
#include <CLI/CLI.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/context.h"
#include "common/raw_vector.h"
#include "common/error.h"

namespace {

// An import of a large file fills some hundreds of MB (its arrays, SQLite's page cache, the
// staging table), and a fresh 4 KiB page costs about 12 us on the virtual machines we measure
// on: 75k page faults, 0.9 s of a 3.5 s import of gen_graph M (1M lines). glibc backs its heap
// with transparent huge pages when the tunable glibc.malloc.hugetlb=1 is set, which it reads
// only when a process starts (19k faults then). So an import of 16 MiB of files or more starts
// itself again once with it set, as soon as its command line is parsed; not when GLIBC_TUNABLES is set (the
// user's own, or this restart's), nor when the restart fails (the import goes on as it is).
void StartAgainWithHugePagesForALargeImport(const std::vector<std::string>& files, char** argv) {
  if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
  off_t bytes = 0;
  for (const std::string& file : files) {
    struct stat info {};
    if (stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode)) bytes += info.st_size;
  }
  if (bytes < (off_t{16} << 20)) return;
  if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 0) != 0) return;
  execv("/proc/self/exe", argv);
  unsetenv("GLIBC_TUNABLES");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace relgraph;
  // A CLI process is short-lived and reads the graph image cold: arrays from 256 KiB up go on
  // huge pages (common/raw_vector.h), trading a few MB of resident memory for page faults.
  SetHugePagesFrom(size_t{256} << 10);
  CLI::App app("relgraph: a graph of industry relationships (who invests in, backs, partners with whom),\n"
               "built from CSV, JSON and news articles, every relation with its evidence.",
               "relgraph");
  app.set_version_flag("--version", std::string("relgraph ") + RELGRAPH_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may come after the subcommand too

  cli::GlobalOptions globals;
  app.add_option("--db", globals.db, "Store file (default: $RELGRAPH_DB, else ./relgraph.db)");
  app.add_option("--format", globals.format, "Output format: table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  app.add_option("--snapshot", globals.snapshot, "Answer from a saved snapshot instead of the working graph");
  app.add_option("--as-of", globals.as_of, "Answer with only the relations dated on or before DATE (YYYY[-MM[-DD]])");
  app.add_flag("-q,--quiet", globals.quiet, "No progress messages on stderr");
  app.footer(
      "Examples:\n"
      "  relgraph import data/entities.csv data/relations.csv\n"
      "  relgraph info\n"
      "  relgraph entity OpenAI\n"
      "  relgraph search 대학교\n"
      "  relgraph neighbors Naver --depth 2 --format json\n"
      "  relgraph path Naver BAAI --k 3\n"
      "  relgraph common OpenAI Anthropic --direction in\n"
      "  relgraph centrality --measure pagerank --top 10\n"
      "  relgraph communities --method leiden --seed 1\n"
      "  relgraph brokers --top 10\n"
      "  relgraph core --k 3\n"
      "  relgraph components --direction out\n"
      "  relgraph export json -o graph.json\n"
      "  relgraph snapshot save 2024-q4 --note 'after the December news'\n"
      "  relgraph snapshot diff 2024-q4\n"
      "  relgraph export html -o naver.html --focus Naver --depth 2\n"
      "  relgraph serve   (then open http://127.0.0.1:8750/)\n"
      "Exit codes: 0 success (an empty answer too), 1 bad input, data or storage error, 2 usage error.\n"
      "Run 'relgraph COMMAND --help' for a command's options.");

  std::vector<cli::Command> commands;
  cli::AddImportCommand(app, globals, &commands);
  cli::AddReadCommands(app, globals, &commands);
  cli::AddQueryCommands(app, globals, &commands);
  cli::AddSnapshotCommands(app, globals, &commands);
  cli::AddExportCommand(app, globals, &commands);
  cli::AddAnalysisCommands(app, globals, &commands);
  cli::AddServeCommand(app, globals, &commands);

  // Name an unknown command plainly (CLI11 would only say that a subcommand is required).
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" || arg == "--format" || arg == "--snapshot" || arg == "--as-of") {
      ++i;  // the option's value
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    bool known = false;
    std::string names;
    for (const CLI::App* sub : app.get_subcommands({})) {
      known = known || sub->check_name(arg);
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::cerr << "relgraph: error: unknown command '" << arg << "'; the commands are " << names << "\n"
                << "Run 'relgraph --help' for usage.\n";
      return 2;
    }
    break;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
    std::cerr << "relgraph: error: " << error.what() << "\n"
              << "Run 'relgraph --help' for usage.\n";
    return 2;
  }

  // The import's files, as parsed, decide the restart (before the import allocates anything).
  for (const cli::Command& command : commands) {
    if (command.app->parsed() && command.app->get_name() == "import") {
      StartAgainWithHugePagesForALargeImport(command.app->get_option("files")->as<std::vector<std::string>>(), argv);
    }
  }

  try {
    for (const cli::Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
    std::cerr << "relgraph: error: no command given\n";
    return 2;
  } catch (const Error& error) {
    std::cerr << "relgraph: error: " << error.what() << "\n";
    return ExitCodeFor(error.kind());
  } catch (const std::exception& error) {
    std::cerr << "relgraph: error: internal error: " << error.what() << "\n";
    return 1;
  }
}
