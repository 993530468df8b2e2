// Analysis commands: communities, brokers, core, components. Components and cores walk the
// engine's Csr directly; communities and brokers build the connection graph once
// (query::ConnectionGraph). Each runs one query/ function and prints; names are loaded only
// for the entities an answer shows.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/analysis.h"
#include "common/error.h"
#include "common/text.h"
#include "query/communities.h"
#include "query/structure.h"

namespace relgraph::cli {
namespace {

// Names of the nodes an answer shows, loaded once.
class Names {
 public:
  Names(const GraphReader& reader, const std::vector<uint32_t>& nodes)
      : reader_(reader), details_(reader.Details(nodes, /*entities_only=*/true)) {}
  const Entity& At(uint32_t node) const { return details_.entities()[reader_.Local(details_, node)]; }
  Json Ref(uint32_t node) const {
    const Entity& entity = At(node);
    return Json{{"id", entity.id}, {"name", entity.name}};
  }

 private:
  const GraphReader& reader_;
  Graph details_;
};

std::vector<uint32_t> AllNodes(uint32_t n) {
  std::vector<uint32_t> nodes(n);
  for (uint32_t i = 0; i < n; ++i) nodes[i] = i;
  return nodes;
}

query::SimpleGraph Undirected(const GraphReader& reader, const std::vector<std::string>& relations) {
  return query::ConnectionGraph(reader.view(), ParseRelationMask(relations, reader.schema()), /*directed=*/false);
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

// ---- communities ----

// The members of a community with the highest degree first (ties by id), at most `count`.
// The `count` members of highest degree (ties: in member order); degree(node) as in the
// connection graph.
template <typename DegreeFn>
std::vector<uint32_t> LeadersBy(DegreeFn&& degree, const std::vector<uint32_t>& members, size_t count) {
  std::vector<std::pair<uint32_t, uint32_t>> ranked;  // (degree, node)
  ranked.reserve(members.size());
  for (uint32_t node : members) ranked.emplace_back(degree(node), node);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<uint32_t> leaders;
  for (size_t i = 0; i < std::min(count, ranked.size()); ++i) leaders.push_back(ranked[i].second);
  return leaders;
}

std::vector<uint32_t> Leaders(const query::SimpleGraph& graph, const std::vector<uint32_t>& members, size_t count) {
  return LeadersBy([&](uint32_t node) { return graph.degree(node); }, members, count);
}

// The same on the Csr: degree = distinct neighbours one can step to under the filter.
std::vector<uint32_t> Leaders(const query::Csr& view, const query::ViewFilter& filter, const std::vector<uint32_t>& members,
                              size_t count) {
  auto degree = [&](uint32_t node) {
    uint32_t d = 0;
    view.ForEachSuccessor(node, filter, [&](uint32_t, double, RelationIndex) { ++d; });
    return d;
  };
  return LeadersBy(degree, members, count);
}

struct CommunitiesAnswer {
  query::SimpleGraph graph;
  query::CommunityResult result;
};

CommunitiesAnswer AnswerCommunities(const GraphReader& reader, const CommunitiesQuestion& question) {
  query::CommunityOptions options;
  if (question.method == "leiden") {
    options.method = query::CommunityMethod::kLeiden;
  } else if (question.method == "louvain") {
    options.method = query::CommunityMethod::kLouvain;
  } else {
    throw Error(ErrorKind::kUsage, "--method expects leiden or louvain, found " + QuoteForMessage(question.method));
  }
  options.resolution = question.resolution;
  options.seed = question.seed;
  CommunitiesAnswer answer;
  answer.graph = Undirected(reader, question.relations);
  answer.result = query::DetectCommunities(answer.graph, options);
  return answer;
}

Json CommunitiesAsJson(const CommunitiesAnswer& answer, const CommunitiesQuestion& question, const Names& names) {
  Json communities = Json::array();
  for (size_t c = 0; c < answer.result.communities.size(); ++c) {
    const auto& members = answer.result.communities[c];
    Json list = Json::array();
    for (uint32_t node : members) list.push_back(names.Ref(node));
    std::string label;
    for (uint32_t node : Leaders(answer.graph, members, 3)) label += (label.empty() ? "" : ", ") + names.At(node).name;
    communities.push_back({{"id", c + 1}, {"size", members.size()}, {"label", label}, {"members", list}});
  }
  Json out;
  out["method"] = question.method;
  out["resolution"] = question.resolution;
  out["seed"] = question.seed;
  out["modularity"] = answer.result.modularity;
  out["communities"] = communities;
  return out;
}

}  // namespace

Json CommunitiesJson(const GraphReader& reader, const CommunitiesQuestion& question) {
  CommunitiesAnswer answer = AnswerCommunities(reader, question);
  Names names(reader, AllNodes(reader.node_count()));
  return CommunitiesAsJson(answer, question, names);
}

namespace {

struct CommunitiesOptions {
  CommunitiesQuestion question;
  int top = -1;  // communities listed in a table (-1: 20)
};

int RunCommunities(const GlobalOptions& globals, const CommunitiesOptions& options) {
  GraphReader reader(globals);
  CommunitiesAnswer answer = AnswerCommunities(reader, options.question);
  Names names(reader, AllNodes(reader.node_count()));
  Format format = globals.OutputFormat();
  if (format == Format::kJson) {
    PrintJson(std::cout, CommunitiesAsJson(answer, options.question, names));
    return 0;
  }
  const auto& communities = answer.result.communities;
  if (format == Format::kCsv) {
    Table table({"community", "id", "name", "degree"});
    for (size_t c = 0; c < communities.size(); ++c) {
      for (uint32_t node : communities[c]) {
        table.AddRow({std::to_string(c + 1), names.At(node).id, names.At(node).name, std::to_string(answer.graph.degree(node))});
      }
    }
    table.Print(std::cout, Format::kCsv);
    return 0;
  }
  size_t alone = std::count_if(communities.begin(), communities.end(), [](const auto& c) { return c.size() == 1; });
  std::cout << communities.size() - alone << " communities of two or more entities (" << options.question.method
            << ", resolution " << FormatNumber(options.question.resolution) << ", seed " << options.question.seed
            << "), modularity " << FormatNumber(answer.result.modularity);
  if (alone > 0) std::cout << "; " << alone << (alone == 1 ? " entity stands" : " entities stand") << " alone";
  std::cout << "\n\n";
  Table table({"#", "size", "led by (highest degree)", "other members"});
  size_t limit = options.top < 0 ? 20 : (options.top == 0 ? communities.size() : static_cast<size_t>(options.top));
  size_t shown = 0;
  for (size_t c = 0; c < communities.size() && shown < limit; ++c) {
    if (communities[c].size() == 1) continue;
    std::vector<uint32_t> leaders = Leaders(answer.graph, communities[c], 3);
    std::string led, others;
    for (uint32_t node : leaders) led += (led.empty() ? "" : ", ") + names.At(node).name;
    size_t listed = 0;
    for (uint32_t node : Leaders(answer.graph, communities[c], communities[c].size())) {
      if (std::find(leaders.begin(), leaders.end(), node) != leaders.end()) continue;
      if (listed == 5) {
        others += ", …";
        break;
      }
      others += (others.empty() ? "" : ", ") + names.At(node).name;
      ++listed;
    }
    table.AddRow({std::to_string(c + 1), std::to_string(communities[c].size()), led, others});
    ++shown;
  }
  table.Print(std::cout, Format::kTable);
  if (shown < communities.size() - alone) std::cout << "(" << communities.size() - alone - shown << " more; --top 0 lists all)\n";
  return 0;
}

// ---- brokers ----

struct BrokersOptions {
  int top = 0;  // 0: all
  std::vector<std::string> relations;
};

int RunBrokers(const GlobalOptions& globals, const BrokersOptions& options) {
  if (options.top < 0) throw Error(ErrorKind::kUsage, "--top expects a whole number >= 0");
  GraphReader reader(globals);
  std::vector<query::Broker> brokers = query::Brokers(Undirected(reader, options.relations));
  if (options.top > 0 && brokers.size() > static_cast<size_t>(options.top)) brokers.resize(static_cast<size_t>(options.top));
  std::vector<uint32_t> nodes;
  for (const query::Broker& broker : brokers) nodes.push_back(broker.node);
  Names names(reader, nodes);
  if (globals.OutputFormat() == Format::kJson) {
    Json list = Json::array();
    for (const query::Broker& broker : brokers) {
      Json item = names.Ref(broker.node);
      item["pieces"] = broker.pieces;
      item["cut_off"] = broker.cut_off;
      list.push_back(item);
    }
    PrintJson(std::cout, {{"brokers", list}});
    return 0;
  }
  if (globals.OutputFormat() == Format::kTable) {
    if (brokers.empty()) {
      std::cout << "No brokers: removing any one entity leaves every connected part connected.\n";
      return 0;
    }
    std::cout << "Brokers: entities whose removal splits their part of the graph (pieces), and how many\n"
                 "entities would be cut off from the largest remaining piece\n\n";
  }
  Table table({"id", "name", "pieces", "cut_off"});
  for (const query::Broker& broker : brokers) {
    table.AddRow({names.At(broker.node).id, names.At(broker.node).name, std::to_string(broker.pieces), std::to_string(broker.cut_off)});
  }
  table.Print(std::cout, globals.OutputFormat());
  return 0;
}

// ---- core ----

struct CoreOptions {
  int k = 0;
  int top = -1;  // table: 25 unless given; json/csv: all
  std::vector<std::string> relations;
};

int RunCore(const GlobalOptions& globals, const CoreOptions& options) {
  if (options.k < 0) throw Error(ErrorKind::kUsage, "--k expects a whole number >= 0");
  GraphReader reader(globals);
  std::vector<uint32_t> core = query::CoreNumbers(reader.view(), ParseRelationMask(options.relations, reader.schema()));
  std::vector<uint32_t> order;
  for (uint32_t node = 0; node < core.size(); ++node) {
    if (core[node] >= static_cast<uint32_t>(options.k)) order.push_back(node);
  }
  // Node order is id order: ties go to the smaller id.
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return core[a] > core[b]; });
  int top = options.top >= 0 ? options.top : (globals.OutputFormat() == Format::kTable ? 25 : 0);
  size_t shown = top == 0 ? order.size() : std::min(order.size(), static_cast<size_t>(top));
  order.resize(shown);
  Names names(reader, order);
  if (globals.OutputFormat() == Format::kJson) {
    Json list = Json::array();
    for (uint32_t node : order) {
      Json item = names.Ref(node);
      item["core"] = core[node];
      list.push_back(item);
    }
    PrintJson(std::cout, {{"cores", list}});
    return 0;
  }
  if (globals.OutputFormat() == Format::kTable) {
    uint32_t highest = core.empty() ? 0 : *std::max_element(core.begin(), core.end());
    std::cout << "Core numbers (the largest k such that the entity is in a part where everyone has k or more\n"
                 "distinct neighbours in that part); the innermost core is "
              << highest << "\n\n";
  }
  Table table({"id", "name", "kind", "core"});
  for (uint32_t node : order) table.AddRow({names.At(node).id, names.At(node).name, names.At(node).kind, std::to_string(core[node])});
  table.Print(std::cout, globals.OutputFormat());
  return 0;
}

// ---- components ----

struct ComponentsOptions {
  std::string direction = "both";
  std::vector<std::string> relations;
};

int RunComponents(const GlobalOptions& globals, const ComponentsOptions& options) {
  GraphReader reader(globals);
  bool strong = options.direction == "out";
  uint64_t types = ParseRelationMask(options.relations, reader.schema());
  const query::ViewFilter filter{types, strong ? query::Direction::kOut : query::Direction::kBoth};
  std::vector<std::vector<uint32_t>> components =
      strong ? query::StrongComponents(reader.view(), types) : query::ConnectedComponents(reader.view(), types);
  Names names(reader, AllNodes(reader.node_count()));
  Format format = globals.OutputFormat();
  if (format == Format::kJson) {
    Json list = Json::array();
    for (const auto& component : components) {
      Json members = Json::array();
      for (uint32_t node : component) members.push_back(names.Ref(node));
      list.push_back({{"size", component.size()}, {"members", members}});
    }
    PrintJson(std::cout, {{"direction", options.direction}, {"components", list}});
    return 0;
  }
  if (format == Format::kCsv) {
    Table table({"component", "id", "name"});
    for (size_t c = 0; c < components.size(); ++c) {
      for (uint32_t node : components[c]) table.AddRow({std::to_string(c + 1), names.At(node).id, names.At(node).name});
    }
    table.Print(std::cout, Format::kCsv);
    return 0;
  }
  size_t alone = std::count_if(components.begin(), components.end(), [](const auto& c) { return c.size() == 1; });
  std::cout << components.size() << (strong ? " strongly connected component" : " connected component")
            << (components.size() == 1 ? "" : "s") << (strong ? " (following arrows)" : "")
            << " of " << reader.node_count() << " entities";
  if (alone > 0) std::cout << ", " << alone << " of them a single entity";
  std::cout << "\n\n";
  Table table({"#", "size", "members"});
  for (size_t c = 0; c < components.size(); ++c) {
    if (components[c].size() == 1 && c >= 10) continue;
    std::string members;
    size_t listed = 0;
    for (uint32_t node : Leaders(reader.view(), filter, components[c], 9)) {  // 8 shown, a 9th says there are more
      if (listed == 8) {
        members += ", …";
        break;
      }
      members += (members.empty() ? "" : ", ") + names.At(node).name;
      ++listed;
    }
    table.AddRow({std::to_string(c + 1), std::to_string(components[c].size()), members});
  }
  table.Print(std::cout, Format::kTable);
  return 0;
}

}  // namespace

void AddAnalysisCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto communities_options = std::make_shared<CommunitiesOptions>();
  CLI::App* communities = app.add_subcommand("communities", "Camps of entities more linked among themselves than to others (Leiden, Louvain)");
  communities->add_option("--method", communities_options->question.method, "leiden or louvain")
      ->check(CLI::IsMember({"leiden", "louvain"}))
      ->capture_default_str();
  communities->add_option("--resolution", communities_options->question.resolution,
                          "Modularity resolution R >= 0: higher gives more, smaller communities")
      ->capture_default_str();
  communities->add_option("--seed", communities_options->question.seed, "Random seed; the same seed gives the same answer")
      ->capture_default_str();
  communities->add_option("--relation", communities_options->question.relations, "Only these relation types (comma-separated)")
      ->delimiter(',');
  communities->add_option("--top", communities_options->top, "Communities shown in the table (0: all; default 20)");
  communities->footer(
      "Runs on the undirected connection graph (one edge per related pair). Modularity is NetworkX's.\n"
      "Examples:\n  relgraph communities\n  relgraph communities --method louvain --resolution 1.5 --format json");
  commands->push_back({communities, [&globals, communities_options] { return RunCommunities(globals, *communities_options); }});

  auto brokers_options = std::make_shared<BrokersOptions>();
  CLI::App* brokers = app.add_subcommand("brokers", "Entities whose removal splits the graph (articulation points)");
  brokers->add_option("--top", brokers_options->top, "Only the N that cut off the most (0: all)")->capture_default_str();
  brokers->add_option("--relation", brokers_options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  brokers->footer("Examples:\n  relgraph brokers --top 10\n  relgraph brokers --relation invests_in,backs --format json");
  commands->push_back({brokers, [&globals, brokers_options] { return RunBrokers(globals, *brokers_options); }});

  auto core_options = std::make_shared<CoreOptions>();
  CLI::App* core = app.add_subcommand("core", "Core numbers: who sits in the tightly knit core");
  core->add_option("--k", core_options->k, "Only entities with core number >= K")->capture_default_str();
  core->add_option("--top", core_options->top, "Show the N highest (0: all; default 25 in a table, all otherwise)");
  core->add_option("--relation", core_options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  core->footer("Examples:\n  relgraph core --k 3\n  relgraph core --format json");
  commands->push_back({core, [&globals, core_options] { return RunCore(globals, *core_options); }});

  auto components_options = std::make_shared<ComponentsOptions>();
  CLI::App* components = app.add_subcommand("components", "Parts of the graph not connected to each other");
  components->add_option("--direction", components_options->direction,
                         "both: connected ignoring arrows (weakly); out: following arrows both ways round (strongly)")
      ->check(CLI::IsMember({"both", "out"}))
      ->capture_default_str();
  components->add_option("--relation", components_options->relations, "Only these relation types (comma-separated)")->delimiter(',');
  components->footer("Examples:\n  relgraph components\n  relgraph components --direction out --relation invests_in --format json");
  commands->push_back({components, [&globals, components_options] { return RunComponents(globals, *components_options); }});
}

}  // namespace relgraph::cli
