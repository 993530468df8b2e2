// Query commands: path, common, centrality. They parse, call query/, and print; the table
// form explains each answer in sentences with its evidence.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/answers.h"
#include "cli/output.h"
#include "common/error.h"
#include "common/text.h"
#include "export/export.h"
#include "importers/importers.h"
#include "query/centrality.h"
#include "query/engine.h"
#include "query/paths.h"
#include "query/query.h"
#include "query/structure.h"

namespace relgraph::cli {
namespace {

Json EntityRef(const Entity& entity) { return Json{{"id", entity.id}, {"name", entity.name}}; }

// The first evidence of a relation as one line: "sentence" (source, date).
std::string EvidenceLine(const Graph& graph, const Relation& relation) {
  if (relation.evidence.empty()) return "";
  const Evidence& evidence = relation.evidence.front();
  const Document* document = graph.FindDocument(evidence.document);
  std::string source = document ? (!document->title.empty() ? document->title : document->url) : evidence.document;
  std::string line;
  if (!evidence.sentence.empty()) line += "\"" + ForTerminal(evidence.sentence) + "\" ";
  line += "(" + ForTerminal(source) + (evidence.date.empty() ? "" : ", " + evidence.date) + ")";
  if (relation.evidence.size() > 1) line += " +" + std::to_string(relation.evidence.size() - 1) + " more";
  return line;
}

std::string DatedSentence(const Graph& graph, const Relation& relation) {
  return RelationSentence(graph, relation) + (relation.date.empty() ? "" : " — " + relation.date);
}

// ---- path ----

// The relations of one hop, the one to name first: the cheapest with --weighted, otherwise one
// that points the walking way, then the strongest.
std::vector<std::pair<RelationIndex, bool>> HopRelations(const Graph& graph, const query::Csr& view, uint32_t a,
                                                         uint32_t b, const query::ViewFilter& filter) {
  auto relations = view.RelationsBetween(a, b, filter);
  const auto& all = graph.relations();
  std::stable_sort(relations.begin(), relations.end(), [&](const auto& x, const auto& y) {
    double wx = all[x.first].weight, wy = all[y.first].weight;
    if (wx != wy) return wx > wy;
    if (x.second != y.second) return x.second;
    return x.first < y.first;
  });
  return relations;
}

// One question and its answer: the nodes are the reader's, the paths' nodes local to the
// details graph once explained.
struct PathQuestion {
  uint32_t from_node = 0, to_node = 0;
  std::vector<query::Path> paths;
};

// Prints the answers in the chosen format. One question prints as the contract's `path A B`;
// several print one after another (table), as {"pairs":[...]} (JSON) or with a pair column (CSV).
class PathPrinter {
 public:
  PathPrinter(const GlobalOptions& globals, const PathOptions& options, const GraphReader& reader,
              const query::PathOptions& path_options, const Graph& graph, std::ostream& os)
      : os_(os), globals_(globals), options_(options), reader_(reader), path_options_(path_options), graph_(graph), view_(graph) {}

  void Print(const std::vector<PathQuestion>& questions, bool several) {
    Format format = globals_.OutputFormat();
    if (format == Format::kJson) {
      Json answers = Json::array();
      for (const PathQuestion& question : questions) answers.push_back(AsJson(question));
      PrintJson(os_, several ? Json{{"pairs", answers}} : answers[0]);
      return;
    }
    if (format == Format::kCsv) {
      std::vector<std::string> columns = {"path", "hop", "source", "target", "relation", "forward", "text", "date", "evidence"};
      if (several) columns.insert(columns.begin(), "pair");
      Table table(columns);
      for (size_t q = 0; q < questions.size(); ++q) AddCsvRows(questions[q], several ? std::to_string(q + 1) : "", &table);
      table.Print(os_, Format::kCsv);
      return;
    }
    for (size_t q = 0; q < questions.size(); ++q) {
      if (q > 0) os_ << "\n" << std::string(40, '-') << "\n\n";
      PrintText(questions[q]);
    }
  }

 private:
  EntityIndex Local(uint32_t node) const { return reader_.Local(graph_, node); }

  Json AsJson(const PathQuestion& question) const {
    const auto& entities = graph_.entities();
    Json out_paths = Json::array();
    for (const query::Path& path : question.paths) {
      Json steps = Json::array();
      for (size_t i = 0; i + 1 < path.nodes.size(); ++i) {
        auto hop = HopRelations(graph_, view_, path.nodes[i], path.nodes[i + 1], path_options_.filter);
        const Relation& named = graph_.relations()[hop[0].first];
        Json step;
        step["source"] = entities[path.nodes[i]].id;
        step["target"] = entities[path.nodes[i + 1]].id;
        step["relation"] = named.type;
        step["forward"] = hop[0].second;
        step["weight"] = named.weight;
        step["date"] = named.date;
        step["text"] = RelationSentence(graph_, named);
        Json evidence = Json::array();
        for (const Evidence& record : named.evidence) evidence.push_back(EvidenceJson(graph_, record));
        step["evidence"] = evidence;
        Json parallel = Json::array();
        for (size_t j = 1; j < hop.size(); ++j) {
          const Relation& other = graph_.relations()[hop[j].first];
          parallel.push_back({{"relation", other.type}, {"forward", hop[j].second}, {"weight", other.weight},
                              {"text", RelationSentence(graph_, other)}});
        }
        step["parallel"] = parallel;
        steps.push_back(step);
      }
      out_paths.push_back({{"hops", path.hops()}, {"cost", path.cost}, {"steps", steps}});
    }
    Json out;
    out["from"] = EntityRef(entities[Local(question.from_node)]);
    out["to"] = EntityRef(entities[Local(question.to_node)]);
    out["weighted"] = options_.weighted;
    out["direction"] = options_.direction;
    out["disjoint"] = options_.disjoint;
    out["paths"] = out_paths;
    return out;
  }

  void AddCsvRows(const PathQuestion& question, const std::string& pair, Table* table) const {
    const auto& entities = graph_.entities();
    const auto& paths = question.paths;
    for (size_t p = 0; p < paths.size(); ++p) {
      for (size_t i = 0; i + 1 < paths[p].nodes.size(); ++i) {
        auto hop = HopRelations(graph_, view_, paths[p].nodes[i], paths[p].nodes[i + 1], path_options_.filter);
        const Relation& named = graph_.relations()[hop[0].first];
        std::vector<std::string> row = {std::to_string(p + 1), std::to_string(i + 1), entities[paths[p].nodes[i]].id,
                                        entities[paths[p].nodes[i + 1]].id, named.type, hop[0].second ? "true" : "false",
                                        RelationSentence(graph_, named), named.date,
                                        named.evidence.empty() ? "" : named.evidence.front().sentence};
        if (!pair.empty()) row.insert(row.begin(), pair);
        table->AddRow(row);
      }
    }
  }

  void PrintText(const PathQuestion& question) const {
    const auto& entities = graph_.entities();
    const auto& paths = question.paths;
    const std::string& from_name = entities[Local(question.from_node)].name;
    const std::string& to_name = entities[Local(question.to_node)].name;
    if (paths.empty()) {
      os_ << "No path from " << ForTerminal(from_name) << " to " << ForTerminal(to_name);
      if (options_.max_hops > 0) os_ << " within " << options_.max_hops << " hops";
      os_ << " (direction " << options_.direction << (options_.relations.empty() ? "" : ", only the selected relations") << ").\n";
      // Say which wider question would find one.
      query::PathOptions wider = path_options_;
      wider.k = 1;
      auto found = [&](const query::PathOptions& asked) {
        return query::ShortestPaths(reader_.view(), question.from_node, question.to_node, asked);
      };
      if (path_options_.filter.direction != query::Direction::kBoth) {
        wider.filter.direction = query::Direction::kBoth;
        if (!found(wider).empty()) os_ << "There is one with --direction both.\n";
      }
      if (!options_.relations.empty()) {
        wider.filter = {~uint64_t{0}, path_options_.filter.direction};
        if (!found(wider).empty()) os_ << "There is one without --relation.\n";
      }
      if (options_.max_hops > 0) {
        wider = path_options_;
        wider.max_hops = 0;
        auto longer = found(wider);
        if (!longer.empty()) os_ << "There is one of " << longer[0].hops() << " hops without --max-hops.\n";
      }
      return;
    }
    os_ << (paths.size() == 1 ? "Path" : std::to_string(paths.size()) + " paths") << " from "
        << ForTerminal(from_name) << " to " << ForTerminal(to_name) << " ("
        << (options_.disjoint ? "sharing no entity but the ends" : options_.weighted ? "cheapest by cost 1/weight per hop" : "fewest hops") << ", "
        << (options_.direction == "both" ? "either direction" : "following arrows") << ")\n";
    for (size_t p = 0; p < paths.size(); ++p) {
      const query::Path& path = paths[p];
      os_ << "\n" << (paths.size() > 1 ? std::to_string(p + 1) + ". " : "") << path.hops()
          << (path.hops() == 1 ? " hop" : " hops");
      if (options_.weighted) {
        char cost[32];
        std::snprintf(cost, sizeof cost, "%.4g", path.cost);
        os_ << ", cost " << cost;
      }
      os_ << ": ";
      for (size_t i = 0; i < path.nodes.size(); ++i) os_ << (i ? " – " : "") << ForTerminal(entities[path.nodes[i]].name);
      os_ << "\n";
      for (size_t i = 0; i + 1 < path.nodes.size(); ++i) {
        auto hop = HopRelations(graph_, view_, path.nodes[i], path.nodes[i + 1], path_options_.filter);
        const Relation& named = graph_.relations()[hop[0].first];
        const RelationType* type = graph_.schema().FindRelation(named.type);
        std::string arrow = (type && type->symmetric) ? "—" : (hop[0].second ? "→" : "←");
        os_ << "  " << ForTerminal(entities[path.nodes[i]].name) << " " << arrow << " "
            << ForTerminal(entities[path.nodes[i + 1]].name) << ": " << ForTerminal(DatedSentence(graph_, named)) << "\n";
        std::string evidence = EvidenceLine(graph_, named);
        if (!evidence.empty()) os_ << "      " << evidence << "\n";
        for (size_t j = 1; j < hop.size(); ++j) {
          os_ << "      also: " << ForTerminal(DatedSentence(graph_, graph_.relations()[hop[j].first])) << "\n";
        }
      }
    }
  }

  std::ostream& os_;
  const GlobalOptions& globals_;
  const PathOptions& options_;
  const GraphReader& reader_;
  const query::PathOptions& path_options_;
  const Graph& graph_;
  query::Csr view_;
};

}  // namespace

int RunPath(const GlobalOptions& globals, const PathOptions& options, std::ostream& os) {
  if (options.k < 1) throw Error(ErrorKind::kUsage, "--k expects a whole number >= 1");
  if (options.max_hops < 0) throw Error(ErrorKind::kUsage, "--max-hops expects a whole number >= 0");
  if (options.disjoint && (options.weighted || options.max_hops > 0 || options.k != 1)) {
    throw Error(ErrorKind::kUsage, "--disjoint lists every independent path; it takes no --k, --weighted or --max-hops");
  }
  bool several = !options.pairs.empty();
  if (several != (options.from.empty() && options.to.empty())) {
    throw Error(ErrorKind::kUsage, several ? "give either FROM TO or --pairs FILE, not both" : "path expects FROM and TO, or --pairs FILE");
  }
  if (!several && options.to.empty()) throw Error(ErrorKind::kUsage, "path expects FROM and TO");
  // Pairs are read (and checked) before the store is opened: a bad file costs nothing.
  std::vector<importers::NamePair> pairs;
  if (several) {
    pairs = importers::ReadNamePairs(importers::ReadSourceFile(options.pairs));
  } else {
    pairs.push_back({options.from, options.to, {}, {}});
  }
  GraphReader reader(globals);
  query::PathOptions path_options;
  path_options.filter = {ParseRelationMask(options.relations, reader.schema()), ParseDirection(options.direction)};
  path_options.weighted = options.weighted;
  path_options.k = options.k;
  path_options.max_hops = options.max_hops;
  // One search workspace for every question of the process (the engine's epoch-stamped
  // scratch: a question costs what it touches, not a fresh array per question).
  auto workspace = std::make_unique<query::SearchWorkspace>(reader.view().node_count());
  path_options.workspace = workspace.get();

  std::vector<PathQuestion> questions;
  std::optional<query::SimpleGraph> disjoint_graph;  // built once for every pair
  for (const importers::NamePair& pair : pairs) {
    PathQuestion question;
    // A name of the file that names no entity (or several) says where it is.
    auto resolve = [&](const std::string& name, const SourcePos& pos) {
      try {
        return reader.Resolve(name);
      } catch (const Error& error) {
        if (!several) throw;
        throw Error(error.kind(), pos, error.message());
      }
    };
    question.from_node = resolve(pair.from, pair.from_pos);
    question.to_node = resolve(pair.to, pair.to_pos);
    if (options.disjoint) {
      if (!disjoint_graph) {
        disjoint_graph = query::ConnectionGraph(reader.view(), path_options.filter.types,
                                                path_options.filter.direction == query::Direction::kOut);
      }
      for (auto& nodes : query::DisjointPaths(*disjoint_graph, question.from_node, question.to_node)) {
        double hops = static_cast<double>(nodes.size() - 1);
        question.paths.push_back({std::move(nodes), hops});
      }
    } else {
      question.paths = query::ShortestPaths(reader.view(), question.from_node, question.to_node, path_options);
    }
    questions.push_back(std::move(question));
  }

  // The answers are explained from the entities on their paths and the relations among them.
  std::vector<uint32_t> shown;
  for (const PathQuestion& question : questions) {
    shown.push_back(question.from_node);
    shown.push_back(question.to_node);
    for (const query::Path& path : question.paths) shown.insert(shown.end(), path.nodes.begin(), path.nodes.end());
  }
  Graph graph = reader.Details(shown);
  for (PathQuestion& question : questions) {
    for (query::Path& path : question.paths) {
      for (uint32_t& node : path.nodes) node = reader.Local(graph, node);
    }
  }
  PathPrinter(globals, options, reader, path_options, graph, os).Print(questions, several);
  return 0;
}

// ---- common ----

int RunCommon(const GlobalOptions& globals, const CommonOptions& options, std::ostream& os) {
  GraphReader reader(globals);
  // --direction is said from A's and B's side: "in" = relations pointing into them (backers).
  query::Direction direction = options.direction == "in"    ? query::Direction::kOut
                               : options.direction == "out" ? query::Direction::kIn
                                                            : ParseDirection(options.direction);
  query::ViewFilter filter{ParseRelationMask(options.relations, reader.schema()), direction};
  uint32_t a_node = reader.Resolve(options.a);
  uint32_t b_node = reader.Resolve(options.b);
  // Found on the whole graph, explained from A, B, the shared entities and their relations.
  std::vector<uint32_t> shown = {a_node, b_node};
  for (const query::SharedNeighbor& item : query::CommonNeighbors(reader.view(), a_node, b_node, filter)) shown.push_back(item.entity);
  Graph graph = reader.Details(shown);
  query::Csr view(graph);
  EntityIndex a = reader.Local(graph, a_node);
  EntityIndex b = reader.Local(graph, b_node);
  std::vector<query::SharedNeighbor> shared = query::CommonNeighbors(view, a, b, filter);
  const auto& entities = graph.entities();
  auto sentences = [&](const std::vector<std::pair<RelationIndex, bool>>& relations) {
    std::string text;
    for (const auto& [index, forward] : relations) text += (text.empty() ? "" : "; ") + DatedSentence(graph, graph.relations()[index]);
    return text;
  };

  if (globals.OutputFormat() == Format::kJson) {
    auto relations_json = [&](const std::vector<std::pair<RelationIndex, bool>>& relations) {
      Json list = Json::array();
      for (const auto& [index, forward] : relations) {
        const Relation& relation = graph.relations()[index];
        Json evidence = Json::array();
        for (const Evidence& record : relation.evidence) evidence.push_back(EvidenceJson(graph, record));
        list.push_back({{"source", relation.source}, {"target", relation.target}, {"relation", relation.type},
                        {"date", relation.date}, {"text", RelationSentence(graph, relation)}, {"evidence", evidence}});
      }
      return list;
    };
    Json results = Json::array();
    for (const auto& item : shared) {
      Json entry = EntityRef(entities[item.entity]);
      entry["kind"] = entities[item.entity].kind;
      entry["with_a"] = relations_json(item.with_a);
      entry["with_b"] = relations_json(item.with_b);
      results.push_back(entry);
    }
    PrintJson(os, {{"a", EntityRef(entities[a])}, {"b", EntityRef(entities[b])}, {"results", results}});
    return 0;
  }
  if (globals.OutputFormat() == Format::kCsv) {
    Table table({"id", "name", "kind", "with_a", "with_b"});
    for (const auto& item : shared) {
      table.AddRow({entities[item.entity].id, entities[item.entity].name, entities[item.entity].kind,
                    sentences(item.with_a), sentences(item.with_b)});
    }
    table.Print(os, Format::kCsv);
    return 0;
  }
  if (shared.empty()) {
    os << "Nothing is linked to both " << ForTerminal(entities[a].name) << " and " << ForTerminal(entities[b].name)
       << " (direction " << options.direction << (options.relations.empty() ? "" : ", only the selected relations")
       << ").\n";
    return 0;
  }
  os << shared.size() << (shared.size() == 1 ? " entity is" : " entities are") << " linked to both "
     << ForTerminal(entities[a].name) << " and " << ForTerminal(entities[b].name) << "\n";
  for (const auto& item : shared) {
    os << "\n" << ForTerminal(entities[item.entity].name) << " (" << entities[item.entity].kind << ")\n";
    for (const auto* side : {&item.with_a, &item.with_b}) {
      for (const auto& [index, forward] : *side) {
        const Relation& relation = graph.relations()[index];
        os << "  " << ForTerminal(DatedSentence(graph, relation)) << "\n";
        std::string evidence = EvidenceLine(graph, relation);
        if (!evidence.empty()) os << "      " << evidence << "\n";
      }
    }
  }
  return 0;
}

// ---- centrality ----

namespace {

std::string FormatScore(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", score);
  return buffer;
}

}  // namespace

int RunCentrality(const GlobalOptions& globals, const CentralityOptions& options, std::ostream& os) {
  query::Measure measure = query::ParseMeasure(options.measure);
  if (options.direction != "out" && options.direction != "both") {
    throw Error(ErrorKind::kUsage, "centrality --direction expects out (directed) or both (undirected)");
  }
  if (options.sample > 0 && measure != query::Measure::kBetweenness) {
    throw Error(ErrorKind::kUsage, "--sample applies to --measure betweenness only");
  }
  GraphReader reader(globals);
  query::CentralityOptions centrality_options;
  centrality_options.filter = {ParseRelationMask(options.relations, reader.schema()), ParseDirection(options.direction)};
  centrality_options.normalized = options.normalized;
  centrality_options.sample = options.sample;
  centrality_options.seed = options.seed;
  // One search per source can take minutes on a large graph: once it looks longer than a few
  // seconds, say how far it is, how long is left, and what gives a faster approximate answer.
  auto started = std::chrono::steady_clock::now();
  auto last_report = started;
  bool reported = false;
  centrality_options.progress = [&](size_t done, size_t total) {
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - started).count();
    if (done == 0 || (done < total && std::chrono::duration<double>(now - last_report).count() < 2.0)) return;
    double left = elapsed / static_cast<double>(done) * static_cast<double>(total - done);
    if (done < total && elapsed + left < 5.0) return;
    if (done == total && !reported) return;
    last_report = now;
    auto span = [](double seconds) {
      char text[32];
      if (seconds >= 5400) {
        std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
      } else if (seconds >= 120) {
        std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
      } else {
        std::snprintf(text, sizeof text, "%.0f s", seconds);
      }
      return std::string(text);
    };
    char line[320];
    std::snprintf(line, sizeof line, "relgraph: %s: %zu of %zu sources (%.0f%%), %s so far, about %s left", query::MeasureName(measure).c_str(),
                  done, total, 100.0 * static_cast<double>(done) / static_cast<double>(total), span(elapsed).c_str(), span(left).c_str());
    std::cerr << line;
    if (!reported && measure == query::Measure::kBetweenness && options.sample == 0) {
      std::cerr << "; --sample K (e.g. --sample " << std::min<size_t>(1000, total) << ") gives an approximate answer from K pivots, about "
                << std::max<size_t>(1, total / std::min<size_t>(1000, total)) << "x faster";
    }
    std::cerr << "\n";
    reported = true;
  };
  std::vector<double> scores = query::Centrality(reader.view(), measure, centrality_options);
  std::vector<uint32_t> order(scores.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  // Node order is id order: ties go to the smaller id.
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return scores[x] > scores[y]; });
  int top = options.top >= 0 ? options.top : (globals.OutputFormat() == Format::kTable ? 25 : 0);
  size_t shown = top == 0 ? order.size() : std::min<size_t>(order.size(), static_cast<size_t>(top));
  bool sampled = options.sample > 0 && options.sample < reader.node_count();
  Graph details = reader.Details(std::vector<uint32_t>(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown)),
                                 /*entities_only=*/true);
  auto entity_at = [&](uint32_t node) -> const Entity& { return details.entities()[reader.Local(details, node)]; };

  if (globals.OutputFormat() == Format::kJson) {
    Json results = Json::array();
    for (size_t i = 0; i < shown; ++i) {
      Json item = EntityRef(entity_at(order[i]));
      item["score"] = scores[order[i]];
      results.push_back(item);
    }
    Json out;
    out["measure"] = options.measure;
    out["direction"] = options.direction;
    out["normalized"] = options.normalized;
    out["sampled"] = sampled ? Json{{"pivots", options.sample}, {"seed", options.seed}} : Json(nullptr);
    out["results"] = results;
    PrintJson(os, out);
    return 0;
  }
  Table table({"rank", "id", "name", "kind", "score"});
  for (size_t i = 0; i < shown; ++i) {
    const Entity& entity = entity_at(order[i]);
    table.AddRow({std::to_string(i + 1), entity.id, entity.name, entity.kind, FormatScore(scores[order[i]])});
  }
  if (globals.OutputFormat() == Format::kTable) {
    os << options.measure << " centrality"
       << (options.direction == "both" ? " (undirected)" : " (directed)")
       << (options.normalized ? ", normalized" : "");
    if (sampled) os << ", sampled from " << options.sample << " pivots (seed " << options.seed << ")";
    else if (measure == query::Measure::kBetweenness) os << ", exact";
    os << ", " << reader.node_count() << " entities\n\n";
  }
  table.Print(os, globals.OutputFormat());
  if (globals.OutputFormat() == Format::kTable && shown < order.size()) {
    os << "(" << order.size() - shown << " more; --top 0 lists all)\n";
  }
  return 0;
}

void AddQueryCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto path_options = std::make_shared<PathOptions>();
  CLI::App* path = app.add_subcommand("path", "Explain how two entities are connected, hop by hop with evidence");
  path->add_option("from", path_options->from, "Id, name or alias of the start");
  path->add_option("to", path_options->to, "Id, name or alias of the end");
  path->add_option("--pairs", path_options->pairs,
                   "Answer every pair of a CSV file with columns from,to (or source,target) in one run, instead of FROM TO");
  path->add_option("--k", path_options->k, "How many paths: the k shortest loopless ones")->capture_default_str();
  path->add_option("--relation", path_options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  path->add_option("--direction", path_options->direction, "both: ignore arrow direction; out: follow arrows")
      ->check(CLI::IsMember({"out", "both"}))
      ->capture_default_str();
  path->add_flag("--weighted", path_options->weighted, "Cheapest paths, each hop costing 1/weight, instead of fewest hops");
  path->add_option("--max-hops", path_options->max_hops, "Report no path longer than this (0: no limit)")->capture_default_str();
  path->add_flag("--disjoint", path_options->disjoint,
                 "List a largest set of paths that share no entity but FROM and TO (how many independent routes "
                 "there are; max-flow, NetworkX node_disjoint_paths)");
  path->footer(
      "Examples:\n  relgraph path Naver BAAI\n  relgraph path 네이버 OpenAI --k 3\n"
      "  relgraph path Microsoft Anthropic --direction out --relation invests_in --format json\n"
      "  relgraph path --pairs pairs.csv --format json        (pairs.csv: from,to header, one pair a row)\n"
      "  relgraph path Naver BAAI --disjoint                  (independent routes: no shared go-between)");
  commands->push_back({path, [&globals, path_options] { return RunPath(globals, *path_options, std::cout); }});

  auto common_options = std::make_shared<CommonOptions>();
  CLI::App* common = app.add_subcommand("common", "Entities linked to both A and B (shared backers, partners, ...)");
  common->add_option("a", common_options->a, "Id, name or alias")->required();
  common->add_option("b", common_options->b, "Id, name or alias")->required();
  common->add_option("--relation", common_options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  common->add_option("--direction", common_options->direction,
                     "in: relations pointing into A and B (backers); out: from A and B; both: any")
      ->check(CLI::IsMember({"in", "out", "both"}))
      ->capture_default_str();
  common->footer(
      "Examples:\n  relgraph common OpenAI Anthropic --relation invests_in --direction in   (shared investors)\n"
      "  relgraph common Naver Kakao");
  commands->push_back({common, [&globals, common_options] { return RunCommon(globals, *common_options, std::cout); }});

  auto centrality_options = std::make_shared<CentralityOptions>();
  CLI::App* centrality = app.add_subcommand("centrality", "Rank entities by degree, betweenness, closeness, harmonic or PageRank");
  centrality->add_option("--measure", centrality_options->measure,
                         "degree, in-degree, out-degree, betweenness, closeness, harmonic or pagerank")
      ->required()
      ->check(CLI::IsMember({"degree", "in-degree", "out-degree", "betweenness", "closeness", "harmonic", "pagerank"}));
  centrality->add_option("--top", centrality_options->top, "Show the N highest (0: all; default 25 in a table, all otherwise)");
  centrality->add_option("--relation", centrality_options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  centrality->add_option("--direction", centrality_options->direction, "out: directed graph; both: undirected")
      ->check(CLI::IsMember({"out", "both"}))
      ->capture_default_str();
  centrality->add_flag("--normalized", centrality_options->normalized, "Scale as NetworkX does with normalized=True");
  centrality->add_option("--sample", centrality_options->sample, "Betweenness from K random pivots (0: exact)");
  centrality->add_option("--seed", centrality_options->seed, "Seed for --sample")->capture_default_str();
  centrality->footer(
      "Definitions are NetworkX's on the connection graph (one arc per related pair; see README).\n"
      "Examples:\n  relgraph centrality --measure pagerank --top 10\n"
      "  relgraph centrality --measure betweenness --direction both --normalized\n"
      "  relgraph centrality --measure betweenness --sample 256 --seed 7");
  commands->push_back({centrality, [&globals, centrality_options] { return RunCentrality(globals, *centrality_options, std::cout); }});
}

}  // namespace relgraph::cli
