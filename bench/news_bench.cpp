// The news-article importer's benchmark. First the quality report: precision, recall and F1 on
// the labelled corpus (tests/news/corpus: NAME.{txt,md,html} + NAME.expected.csv), per
// language and per relation type. Then the speed: Google Benchmark parses the corpus (and
// any article files given on the command line) and reports bytes per second on one thread.
//
//   build/bench/relgraph_news_bench                      # corpus quality + speed
//   build/bench/relgraph_news_bench --corpus DIR a.txt   # another corpus, extra speed input
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "importers/importers.h"

namespace {

using relgraph::importers::ArticleImporter;
using relgraph::importers::ImportBatch;
using relgraph::importers::SourceFile;

struct Fact {
  std::string source, relation, target;
  auto operator<=>(const Fact&) const = default;
};

Fact Normalised(Fact fact) {
  if ((fact.relation == "partners_with" || fact.relation == "competes_with") && fact.target < fact.source) std::swap(fact.source, fact.target);
  return fact;
}

struct Counts {
  size_t true_positives = 0, false_positives = 0, false_negatives = 0;
  void Print(const std::string& name) const {
    double precision = true_positives + false_positives ? static_cast<double>(true_positives) / static_cast<double>(true_positives + false_positives) : 0;
    double recall = true_positives + false_negatives ? static_cast<double>(true_positives) / static_cast<double>(true_positives + false_negatives) : 0;
    double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::printf("%-16s %9.3f %9.3f %9.3f %6zu %6zu %6zu\n", name.c_str(), precision, recall, f1, true_positives, false_positives, false_negatives);
  }
};

std::vector<SourceFile> g_articles;  // what the speed benchmark parses

void Quality(const std::string& corpus) {
  std::map<std::string, Counts> by_language, by_type;
  Counts total;
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::string path = entry.path().string();
    if (!path.ends_with(".expected.csv")) paths.push_back(path);
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> misses;
  for (const std::string& path : paths) {
    SourceFile file = relgraph::importers::ReadSourceFile(path);
    g_articles.push_back(file);
    std::string language = std::filesystem::path(path).filename().string().substr(0, 2);
    std::set<Fact> expected;
    std::istringstream lines(relgraph::importers::ReadSourceFile(path.substr(0, path.find_last_of('.')) + ".expected.csv").bytes);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      size_t first = line.find(','), second = line.find(',', first + 1);
      if (second != std::string::npos) expected.insert(Normalised({line.substr(0, first), line.substr(first + 1, second - first - 1), line.substr(second + 1)}));
    }
    std::set<Fact> found;
    for (const auto& record : relgraph::importers::ParseArticle(file, relgraph::importers::DefaultSchema()).relations) {
      found.insert(Normalised({record.relation.source, record.relation.type, record.relation.target}));
    }
    for (const Fact& fact : found) {
      bool hit = expected.count(fact) != 0;
      for (Counts* counts : {&by_language[language], &by_type[fact.relation], &total}) (hit ? counts->true_positives : counts->false_positives)++;
      if (!hit) misses.push_back("  wrong   " + std::filesystem::path(path).filename().string() + ": " + fact.source + " " + fact.relation + " " + fact.target);
    }
    for (const Fact& fact : expected) {
      if (found.count(fact) != 0) continue;
      for (Counts* counts : {&by_language[language], &by_type[fact.relation], &total}) counts->false_negatives++;
      misses.push_back("  missed  " + std::filesystem::path(path).filename().string() + ": " + fact.source + " " + fact.relation + " " + fact.target);
    }
  }
  std::printf("Article extraction quality on %s (%zu articles)\n\n", corpus.c_str(), paths.size());
  std::printf("%-16s %9s %9s %9s %6s %6s %6s\n", "", "precision", "recall", "F1", "tp", "fp", "fn");
  for (const auto& [language, counts] : by_language) counts.Print(language == "ko" ? "Korean (ko)" : language == "zh" ? "Chinese (zh)" : language == "en" ? "English (en)" : language);
  total.Print("all");
  std::printf("\n");
  for (const auto& [type, counts] : by_type) counts.Print(type);
  std::printf("\n%s\n", misses.empty() ? "No errors." : "Errors:");
  for (const std::string& miss : misses) std::printf("%s\n", miss.c_str());
  std::printf("\n");
}

// Parses every article against the embedded lexicon, as `relgraph import` does on an empty store.
void BM_ParseArticles(benchmark::State& state) {
  relgraph::Graph graph(relgraph::importers::DefaultSchema());
  size_t bytes = 0;
  for (const SourceFile& file : g_articles) bytes += file.bytes.size();
  for (auto _ : state) {
    ArticleImporter importer(graph);  // also builds the gazetteer from the lexicon
    size_t relations = 0;
    for (SourceFile file : g_articles) {
      file.path += "#" + std::to_string(state.iterations());  // a new document each time
      relations += importer.Parse(file, {}).relations.size();
    }
    benchmark::DoNotOptimize(relations);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

// The same without the one-off lexicon load, on a corpus repeated to about 1 MB.
void BM_ParseMegabyte(benchmark::State& state) {
  relgraph::Graph graph(relgraph::importers::DefaultSchema());
  ArticleImporter importer(graph);
  std::vector<SourceFile> inputs;
  size_t bytes = 0;
  for (int copy = 0; bytes < (1 << 20); ++copy) {
    for (const SourceFile& file : g_articles) {
      inputs.push_back(file);
      inputs.back().bytes += "\n<!-- " + std::to_string(copy) + " -->";  // distinct documents
      bytes += inputs.back().bytes.size();
    }
  }
  size_t round = 0;
  for (auto _ : state) {
    size_t relations = 0;
    for (SourceFile& file : inputs) {
      file.bytes.back() = static_cast<char>('0' + (round % 10));
      relations += importer.Parse(file, {}).relations.size();
    }
    ++round;
    benchmark::DoNotOptimize(relations);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

}  // namespace

BENCHMARK(BM_ParseArticles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMegabyte)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  std::string corpus = std::string(RELGRAPH_SOURCE_DIR) + "/tests/news/corpus";
  std::vector<char*> rest = {argv[0]};
  std::vector<std::string> extra;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--corpus" && i + 1 < argc) {
      corpus = argv[++i];
    } else if (arg.starts_with("--")) {
      rest.push_back(argv[i]);
    } else {
      extra.push_back(arg);
    }
  }
  Quality(corpus);
  for (const std::string& path : extra) g_articles.push_back(relgraph::importers::ReadSourceFile(path));
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
