// relgraph-bench-worker: the native peer `relgraph` of /work/shared/bench/peers.py. Implements
// WORKER_PROTOCOL.md (argv, JSON-lines events on stdout, per-task checks, timing, memory,
// threads) over the project's own engine: query/edge_list.h loads the CSV into a
// query::Csr, query/engine.h answers every task. Nothing here computes an answer itself.
//   relgraph-bench-worker [--db STORE] CSV QUERIES_TXT TASKS REPEAT CHEAP EXACT_BC_MAX CLOSENESS_MAX TIMEOUT
// With --db the graph comes from a relgraph store exactly as the CLI opens it (Store::Open
// read-only, BeginRead, LoadTopology, the Csr of the store's schema: `load` times that), and
// the pair tasks run the CLI's own question, query::ShortestPaths, with the CLI's semantics:
// symmetric relation types (partners_with, competes_with) are walked both ways even with
// --direction out, and a weighted hop costs 1/weight. Those answers can differ from peers that
// follow the CSV's arrows; the rest are the same kernels on the same structure.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "graph/topology.h"
#include "importers/importers.h"
#include "query/communities.h"
#include "query/edge_list.h"
#include "query/engine.h"
#include "query/paths.h"
#include "query/structure.h"
#include "store/store.h"

namespace {

using namespace relgraph::query;

double Now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

long StatusKb(const char* key) {
  std::FILE* file = std::fopen("/proc/self/status", "r");
  if (file == nullptr) return 0;
  char line[256];
  long value = 0;
  size_t length = std::strlen(key);
  while (std::fgets(line, sizeof line, file)) {
    if (std::strncmp(line, key, length) == 0 && line[length] == ':') value = std::atol(line + length + 1);
  }
  std::fclose(file);
  return value;
}

bool ResetHwm() {
  std::FILE* file = std::fopen("/proc/self/clear_refs", "w");
  if (file == nullptr) return false;
  bool ok = std::fputs("5", file) >= 0;
  return std::fclose(file) == 0 && ok;
}

// JSON output, one event per line, flushed at once.
class Json {
 public:
  Json& Raw(std::string_view text) {
    out_.append(text);
    return *this;
  }
  Json& Str(std::string_view text) {
    out_.push_back('"');
    for (char c : text) {
      if (c == '"' || c == '\\') {
        out_.push_back('\\');
        out_.push_back(c);
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out_.append(buffer);
      } else {
        out_.push_back(c);
      }
    }
    out_.push_back('"');
    return *this;
  }
  Json& Num(const char* format, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    out_.append(buffer);
    return *this;
  }
  Json& Int(long long value) { return Raw(std::to_string(value)); }
  void Emit() {
    out_.push_back('\n');
    std::fwrite(out_.data(), 1, out_.size(), stdout);
    std::fflush(stdout);
    out_.clear();
  }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

struct Queries {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::string> sources, tops, pivots, samples;
};

Queries ReadQueries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw relgraph::Error(relgraph::ErrorKind::kNotFound, "cannot open queries file '" + path + "'");
  Queries queries;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (fields.size() < 2) continue;
    const std::string& kind = fields[0];
    if (kind == "pair" && fields.size() >= 3) queries.pairs.emplace_back(fields[1], fields[2]);
    else if (kind == "source") queries.sources.push_back(fields[1]);
    else if (kind == "top") queries.tops.push_back(fields[1]);
    else if (kind == "pivot") queries.pivots.push_back(fields[1]);
    else if (kind == "sample") queries.samples.push_back(fields[1]);
  }
  return queries;
}

int ThreadBudget() {
  const char* text = std::getenv("BENCH_THREADS");
  if (text == nullptr) return 1;
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > 1024) return 1;
  return static_cast<int>(value);
}

void EmitTimes(Json& json, const std::vector<double>& times) {
  json.Raw("\"times\": [");
  for (size_t i = 0; i < times.size(); ++i) {
    if (i) json.Raw(", ");
    json.Num("%.9g", times[i]);
  }
  json.Raw("]");
}

// {"top100": [...], "sum": ..., "sample": {...}}, without the closing brace.
void VectorCheck(Json& json, const EdgeListGraph& graph, std::vector<double> values, const std::vector<std::string>& samples) {
  for (double& value : values) {
    if (std::isnan(value)) value = 0;
  }
  std::vector<uint32_t> index(values.size());
  for (uint32_t i = 0; i < index.size(); ++i) index[i] = i;
  size_t top = std::min<size_t>(100, index.size());
  std::partial_sort(index.begin(), index.begin() + static_cast<long>(top), index.end(), [&](uint32_t a, uint32_t b) {
    if (values[a] != values[b]) return values[a] > values[b];
    return graph.names.Name(a) < graph.names.Name(b);
  });
  double sum = 0;
  for (double value : values) sum += value;
  json.Raw("\"check\": {\"top100\": [");
  for (size_t i = 0; i < top; ++i) {
    json.Raw(i ? ", [" : "[").Str(graph.names.Name(index[i])).Raw(", ").Num("%.17g", values[index[i]]).Raw("]");
  }
  json.Raw("], \"sum\": ").Num("%.17g", sum).Raw(", \"sample\": {");
  for (size_t i = 0; i < samples.size(); ++i) {
    auto id = graph.names.Find(samples[i]);
    json.Raw(i ? ", " : "").Str(samples[i]).Raw(": ").Num("%.17g", id ? values[*id] : 0.0);
  }
  json.Raw("}");
}

// The graph of a relgraph store as the CLI reads it; node names are entity ids.
EdgeListGraph LoadStoreGraph(const std::string& path) {
  auto store = relgraph::store::Store::Open(path, relgraph::store::Store::Mode::kReadOnly, relgraph::importers::DefaultSchema());
  store->BeginRead();
  relgraph::Topology topology = store->LoadTopology();
  EdgeListGraph graph;
  graph.csr = Csr(store->schema(), topology);
  graph.type_names = graph.csr.type_names();
  for (const std::string& id : topology.entity_ids) graph.names.Intern(id);
  graph.names.ShrinkToFit();
  return graph;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  if (argc >= 3 && std::strcmp(argv[1], "--db") == 0) {
    db = argv[2];
    argv[2] = argv[0];
    argv += 2;
    argc -= 2;
  }
  if (argc < 9) {
    std::fprintf(stderr,
                 "usage: %s [--db STORE] CSV QUERIES_TXT TASKS REPEAT CHEAP EXACT_BC_MAX CLOSENESS_MAX TIMEOUT\n"
                 "(the benchmark worker of /work/shared/bench/WORKER_PROTOCOL.md)\n",
                 argv[0]);
    return 2;
  }
  // Freed blocks of 128 KiB or more go back to the OS at once (glibc otherwise raises the
  // threshold after the first large free), so graph_rss_kb is what the graph keeps, not what
  // parsing left in the heap.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
  try {
    const std::string csv = argv[1], queries_path = argv[2], tasks_arg = argv[3];
    const int repeat = std::max(1, static_cast<int>(std::stol(argv[4])));
    const double cheap = std::stod(argv[5]);
    const long exact_bc_max = std::stol(argv[6]), closeness_max = std::stol(argv[7]);
    const double timeout = std::stod(argv[8]);
    const int threads = ThreadBudget();
    Queries queries = ReadQueries(queries_path);

    Json json;
    bool hwm_reset = ResetHwm();
    json.Raw("{\"event\": \"info\", \"peer\": \"relgraph\", \"version\": ")
        .Str(std::string("relgraph ") + RELGRAPH_VERSION + " (g++ " + __VERSION__ + ", " + RELGRAPH_BUILD_FLAGS + ")")
        .Raw(", \"threads\": ")
        .Int(threads)
        .Raw(", \"python\": \"-\", \"executable\": ")
        .Str(argv[0])
        .Raw(", \"base_rss_kb\": ")
        .Int(StatusKb("VmRSS"))
        .Raw(", \"hwm_reset\": ")
        .Raw(hwm_reset ? "true" : "false")
        .Raw("}");
    json.Emit();

    // ---- load
    ResetHwm();
    long rss0 = StatusKb("VmRSS");
    json.Raw("{\"event\": \"start\", \"task\": \"load\"}");
    json.Emit();
    std::unique_ptr<EdgeListGraph> graph;
    std::vector<double> load_times;
    long load_peak = 0, graph_rss = 0;
    for (int rep = 0; rep < repeat; ++rep) {
      graph.reset();  // only one graph is held; freed outside the timed region
      double start = Now();
      graph = std::make_unique<EdgeListGraph>(db.empty() ? LoadEdgeListGraph(csv) : LoadStoreGraph(db));
      load_times.push_back(Now() - start);
      if (rep == 0) {
        load_peak = StatusKb("VmHWM");
        graph_rss = StatusKb("VmRSS") - rss0;
        std::fprintf(stderr, "load: %u nodes, %u edges, %.1f MB held (%.2f bytes/edge by count)\n", graph->csr.node_count(),
                     graph->csr.edge_count(), graph->MemoryBytes() / 1e6,
                     static_cast<double>(graph->MemoryBytes()) / std::max<uint32_t>(1, graph->csr.edge_count()));
      }
      if (load_times.back() >= cheap) break;
    }
    const Csr& csr = graph->csr;
    const uint32_t n = csr.node_count();
    json.Raw("{\"event\": \"result\", \"task\": \"load\", ");
    EmitTimes(json, load_times);
    json.Raw(", \"peak_rss_kb\": ").Int(load_peak).Raw(", \"graph_rss_kb\": ").Int(graph_rss);
    json.Raw(", \"check\": {\"nodes\": ").Int(n).Raw(", \"edges\": ").Int(csr.edge_count()).Raw("}}");
    json.Emit();

    // ---- names -> ids (untimed)
    auto id_of = [&](const std::string& name) -> uint32_t {
      auto id = graph->names.Find(name);
      if (!id) throw relgraph::Error(relgraph::ErrorKind::kNotFound, "query names '" + name + "', which is not a node");
      return *id;
    };
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    for (const auto& [a, b] : queries.pairs) pairs.emplace_back(id_of(a), id_of(b));
    std::vector<uint32_t> sources, tops, pivots;
    for (const auto& name : queries.sources) sources.push_back(id_of(name));
    for (const auto& name : queries.tops) tops.push_back(id_of(name));
    for (const auto& name : queries.pivots) pivots.push_back(id_of(name));
    const bool exact_bc = static_cast<long>(n) <= exact_bc_max;
    std::vector<uint32_t> bc_sources;
    if (exact_bc) {
      for (uint32_t v = 0; v < n; ++v) bc_sources.push_back(v);
    } else {
      bc_sources = pivots;
    }
    // Scratch reused by every query and repetition (allowed by the protocol, section 6).
    SearchWorkspace workspace(n);
    std::vector<uint32_t> degree(n);
    // For the analysis tasks (components, scc, core, communities, louvain): the CLI's structure.
    std::unique_ptr<Csr> cli_view;
    std::vector<std::vector<uint32_t>> groups;
    std::vector<uint32_t> core;
    CommunityResult communities;

    std::vector<std::string> tasks;
    {
      std::stringstream stream(tasks_arg);
      for (std::string task; std::getline(stream, task, ',');) {
        if (!task.empty()) tasks.push_back(task);
      }
    }
    for (const std::string& task : tasks) {
      if (task == "load") continue;
      ResetHwm();
      long rss_before = StatusKb("VmRSS");
      json.Raw("{\"event\": \"start\", \"task\": ").Str(task).Raw("}");
      json.Emit();
      std::vector<double> times;
      std::string note;
      int task_threads = 1;
      Json check;  // the "check" member, built after the last repetition
      bool known = true;
      // Each task: `run` computes the answer (timed); `report` writes the check (untimed).
      std::function<void()> run, report;
      std::vector<int64_t> ints;
      std::vector<double> doubles;
      std::vector<BfsSummary> summaries;
      Components components;
      if (task == "degree") {
        run = [&] { TotalDegree(csr, degree); };
        report = [&] {
          std::vector<uint32_t> index(n);
          for (uint32_t i = 0; i < n; ++i) index[i] = i;
          size_t top = std::min<size_t>(10, n);
          std::partial_sort(index.begin(), index.begin() + static_cast<long>(top), index.end(), [&](uint32_t a, uint32_t b) {
            if (degree[a] != degree[b]) return degree[a] > degree[b];
            return graph->names.Name(a) < graph->names.Name(b);
          });
          long long sum = 0;
          for (uint32_t value : degree) sum += value;
          check.Raw("\"check\": {\"top10\": [");
          for (size_t i = 0; i < top; ++i) check.Raw(i ? ", " : "").Str(graph->names.Name(index[i]));
          check.Raw("], \"sum\": ").Int(sum).Raw("}");
        };
      } else if (task == "wcc") {
        run = [&] { components = WeakComponents(csr); };
        report = [&] {
          check.Raw("\"check\": {\"count\": ").Int(components.count).Raw(", \"largest\": ").Int(components.largest).Raw("}");
        };
      } else if (task == "bfs_pairs_dir" || task == "bfs_pairs_undir") {
        Direction direction = task == "bfs_pairs_dir" ? Direction::kOut : Direction::kBoth;
        run = [&, direction] {
          ints.assign(pairs.size(), -1);
          if (!db.empty()) {
            // The CLI's `path A B --direction ...` question, as cmd_query runs it.
            PathOptions options;
            options.filter = ViewFilter{kAllTypes, direction};
            options.workspace = &workspace;
            for (size_t i = 0; i < pairs.size(); ++i) {
              std::vector<Path> found = ShortestPaths(csr, pairs[i].first, pairs[i].second, options);
              ints[i] = found.empty() ? -1 : found[0].hops();
            }
            return;
          }
          for (size_t i = 0; i < pairs.size(); ++i) {
            ints[i] = HopDistance(csr, pairs[i].first, pairs[i].second, direction, kAllTypes, workspace);
          }
        };
        report = [&] {
          check.Raw("\"check\": {\"hops\": [");
          for (size_t i = 0; i < ints.size(); ++i) check.Raw(i ? ", " : "").Int(ints[i]);
          check.Raw("]}");
        };
      } else if (task == "dijkstra_pairs") {
        run = [&] {
          doubles.assign(pairs.size(), -1);
          if (!db.empty()) {
            PathOptions options;
            options.filter = ViewFilter{kAllTypes, Direction::kOut};
            options.weighted = true;
            for (size_t i = 0; i < pairs.size(); ++i) {
              std::vector<Path> found = ShortestPaths(csr, pairs[i].first, pairs[i].second, options);
              doubles[i] = found.empty() ? -1 : found[0].cost;
            }
            return;
          }
          for (size_t i = 0; i < pairs.size(); ++i) {
            doubles[i] = WeightedDistance(csr, pairs[i].first, pairs[i].second, Direction::kOut, kAllTypes, workspace);
          }
        };
        report = [&] {
          check.Raw("\"check\": {\"dist\": [");
          for (size_t i = 0; i < doubles.size(); ++i) {
            double value = doubles[i] < 0 ? -1.0 : std::round(doubles[i] * 1e6) / 1e6;
            check.Raw(i ? ", " : "").Num("%.6f", value);
          }
          check.Raw("]}");
        };
      } else if (task == "sssp_bfs10") {
        run = [&] {
          summaries.clear();
          for (uint32_t source : sources) summaries.push_back(BreadthFirst(csr, source, true, workspace));
        };
        report = [&] {
          check.Raw("\"check\": {\"reached_sum_ecc\": [");
          for (size_t i = 0; i < summaries.size(); ++i) {
            check.Raw(i ? ", [" : "[").Int(summaries[i].reached).Raw(", ").Int(static_cast<long long>(summaries[i].distance_sum));
            check.Raw(", ").Int(summaries[i].eccentricity).Raw("]");
          }
          check.Raw("]}");
        };
      } else if (task == "khop2_top10") {
        run = [&] {
          ints.clear();
          for (uint32_t center : tops) ints.push_back(NeighbourhoodSize(csr, center, 2, Direction::kBoth, workspace));
        };
        report = [&] {
          check.Raw("\"check\": {\"sizes\": [");
          for (size_t i = 0; i < ints.size(); ++i) check.Raw(i ? ", " : "").Int(ints[i]);
          check.Raw("]}");
        };
      } else if (task == "pagerank") {
        task_threads = threads;
        run = [&] {
          PageRankOptions options;
          options.threads = threads;
          doubles = PageRank(csr, options);
        };
        report = [&] {
          VectorCheck(check, *graph, doubles, queries.samples);
          check.Raw("}");
        };
      } else if (task == "closeness") {
        task_threads = threads;
        if (static_cast<long>(n) > closeness_max) {
          note = "skipped: closeness is O(n*m); only run on graphs with <= " + std::to_string(closeness_max) + " nodes";
        }
        run = [&] { doubles = OutCloseness(csr, threads); };
        report = [&] {
          VectorCheck(check, *graph, doubles, queries.samples);
          check.Raw(", \"mode\": \"exact\"}");
        };
      } else if (task == "betweenness") {
        task_threads = threads;
        if (!exact_bc && !bc_sources.empty()) {
          // Untimed probe on up to 8 pivots, extrapolated (protocol section 9).
          size_t probe = std::min<size_t>(8, bc_sources.size());
          double start = Now();
          Betweenness(csr, std::span<const uint32_t>(bc_sources.data(), probe), threads);
          double estimate = (Now() - start) / static_cast<double>(probe) * static_cast<double>(bc_sources.size());
          if (estimate > timeout) {
            char buffer[160];
            std::snprintf(buffer, sizeof buffer, "skipped: estimated %.0f s from a %zu-source probe > limit %.0f s", estimate,
                          probe, timeout);
            note = buffer;
          }
        }
        run = [&] { doubles = Betweenness(csr, bc_sources, threads); };
        report = [&] {
          VectorCheck(check, *graph, doubles, queries.samples);
          if (exact_bc) {
            check.Raw(", \"mode\": \"exact\"}");
          } else {
            check.Raw(", \"mode\": ").Str("pivots=" + std::to_string(bc_sources.size()) + " (raw sum)").Raw("}");
          }
        };
      } else if (task == "components" || task == "scc" || task == "core" || task == "communities" || task == "louvain") {
        // The analysis commands' code path: the CLI's Csr (built once here, untimed, as the
        // CLI builds it when it opens a store), then what `relgraph components|core|communities`
        // run: components and cores straight on the Csr, communities on ConnectionGraph (the
        // undirected simple graph) built inside the timing.
        if (!cli_view) {
          const relgraph::Schema& schema = relgraph::importers::DefaultSchema();
          relgraph::Topology topology;
          topology.entity_ids.reserve(n);
          for (uint32_t v = 0; v < n; ++v) topology.entity_ids.emplace_back(graph->names.Name(v));
          std::vector<uint8_t> code(graph->type_names.size(), 0);
          for (size_t t = 0; t < code.size(); ++t) {
            auto position = schema.RelationPosition(graph->type_names[t]);
            code[t] = position ? static_cast<uint8_t>(*position) : 0;
          }
          for (uint32_t u = 0; u < n; ++u) {
            for (uint32_t arc = csr.OutBegin(u); arc < csr.OutEnd(u); ++arc) {
              topology.source.push_back(u);
              topology.target.push_back(csr.out_target()[arc]);
              topology.type.push_back(code[csr.out_type()[arc]]);
              topology.weight.push_back(csr.out_weight()[arc]);
            }
          }
          cli_view = std::make_unique<Csr>(schema, topology);
        }
        if (task == "components" || task == "scc") {
          bool strong = task == "scc";
          run = [&, strong] { groups = strong ? StrongComponents(*cli_view, ~uint64_t{0}) : ConnectedComponents(*cli_view, ~uint64_t{0}); };
          report = [&] {
            check.Raw("\"check\": {\"count\": ").Int(static_cast<long long>(groups.size()))
                .Raw(", \"largest\": ").Int(groups.empty() ? 0 : static_cast<long long>(groups[0].size())).Raw("}");
          };
        } else if (task == "core") {
          run = [&] { core = CoreNumbers(*cli_view, ~uint64_t{0}); };
          report = [&] {
            long long sum = 0;
            uint32_t highest = 0;
            for (uint32_t value : core) sum += value, highest = std::max(highest, value);
            check.Raw("\"check\": {\"max\": ").Int(highest).Raw(", \"sum\": ").Int(sum).Raw("}");
          };
        } else {
          bool louvain = task == "louvain";
          run = [&, louvain] {
            CommunityOptions options;
            options.method = louvain ? CommunityMethod::kLouvain : CommunityMethod::kLeiden;
            communities = DetectCommunities(ConnectionGraph(*cli_view, ~uint64_t{0}, false), options);
          };
          report = [&] {
            check.Raw("\"check\": {\"count\": ").Int(static_cast<long long>(communities.communities.size()))
                .Raw(", \"modularity\": ").Num("%.9g", communities.modularity).Raw("}");
          };
        }
      } else {
        known = false;
        note = "unknown task";
      }
      if (known && note.empty()) {
        for (int rep = 0; rep < repeat; ++rep) {
          double start = Now();
          run();
          times.push_back(Now() - start);
          if (times.back() >= cheap) break;
        }
      }
      long hwm = StatusKb("VmHWM");
      if (!times.empty()) {
        report();
      } else {
        check.Raw("\"check\": {}");
      }
      json.Raw("{\"event\": \"result\", \"task\": ").Str(task).Raw(", ");
      EmitTimes(json, times);
      json.Raw(", \"peak_rss_kb\": ").Int(hwm).Raw(", \"task_extra_kb\": ").Int(hwm - rss_before).Raw(", ");
      json.Raw(check.text()).Raw(", \"note\": ");
      if (note.empty()) {
        json.Raw("null");
      } else {
        json.Str(note);
      }
      json.Raw(", \"threads\": ").Int(task_threads).Raw("}");
      json.Emit();
    }
    json.Raw("{\"event\": \"done\"}");
    json.Emit();
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "relgraph-bench-worker: %s\n", error.what());
    return 1;
  }
}
