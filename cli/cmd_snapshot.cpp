// Snapshot commands (save, list, show, diff, delete, restore) and check.
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>

#include "cli/answers.h"
#include "cli/output.h"
#include "common/error.h"
#include "common/text.h"
#include "importers/importers.h"
#include "query/centrality.h"
#include "query/communities.h"
#include "query/diff.h"
#include "query/structure.h"
#include "store/store.h"

namespace relgraph::cli {
namespace {

std::unique_ptr<store::Store> OpenStore(const GlobalOptions& globals, store::Store::Mode mode) {
  return store::Store::Open(globals.DbPath(), mode, importers::DefaultSchema());
}

Json SnapshotJson(const store::SnapshotInfo& info) {
  return Json{{"name", info.name},         {"created", info.created},     {"entities", info.entities},
              {"relations", info.relations}, {"note", info.note}, {"version", info.version}};
}


// ---- diff ----

std::string EntityLabel(const Graph& graph, const std::string& id) {
  auto index = graph.FindEntity(id);
  return index ? graph.entities()[*index].name : id;
}

std::string RelationLabel(const Graph& graph, const RelationKey& key) {
  const RelationType* type = graph.schema().FindRelation(key.type);
  return EntityLabel(graph, key.source) + " " + (type ? type->verb : key.type) + " " + EntityLabel(graph, key.target);
}

// Rank of every entity (1 = highest score; ties by id) under a measure.
std::map<std::string, size_t> Ranks(const Schema& schema, const Topology& topology, query::Measure measure) {
  query::Csr view(schema, topology);
  std::vector<double> scores = query::Centrality(view, measure, {});
  std::vector<uint32_t> order(scores.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto& ids = topology.entity_ids;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return scores[a] != scores[b] ? scores[a] > scores[b] : ids[a] < ids[b]; });
  std::map<std::string, size_t> rank;
  for (size_t i = 0; i < order.size(); ++i) rank[ids[order[i]]] = i + 1;
  return rank;
}


// ---- check ----

int RunCheck(const GlobalOptions& globals, bool repair) {
  auto store = OpenStore(globals, repair ? store::Store::Mode::kReadWrite : store::Store::Mode::kReadOnly);
  if (repair) {
    store->RebuildIndexes();
    if (globals.OutputFormat() != Format::kJson && !globals.quiet) {
      std::cerr << "relgraph: rebuilt the graph images and name keys from the rows\n";
    }
  }
  store::CheckReport report = store->Check();
  if (globals.OutputFormat() == Format::kJson) {
    PrintJson(std::cout, {{"store", globals.DbPath()}, {"schema_version", report.schema_version}, {"ok", report.problems.empty()},
                          {"problems", report.problems}});
  } else if (report.problems.empty()) {
    std::cout << globals.DbPath() << ": sound (schema " << report.schema_version
              << ", integrity ok, no dangling references, graph images and name keys agree with the rows)\n";
  } else {
    std::cout << globals.DbPath() << ": " << report.problems.size() << " problem" << (report.problems.size() == 1 ? "" : "s") << "\n";
    for (const std::string& problem : report.problems) std::cout << "  " << problem << "\n";
  }
  return report.problems.empty() ? 0 : 1;
}

}  // namespace

namespace {

void PrintSnapshots(const GlobalOptions& globals, const std::vector<store::SnapshotInfo>& snapshots, std::ostream& os) {
  if (globals.OutputFormat() == Format::kJson) {
    Json list = Json::array();
    for (const auto& info : snapshots) list.push_back(SnapshotJson(info));
    PrintJson(os, {{"snapshots", list}});
    return;
  }
  if (snapshots.empty() && globals.OutputFormat() == Format::kTable) {
    os << "No snapshots saved in " << globals.DbPath() << " (relgraph snapshot save NAME).\n";
    return;
  }
  Table table({"name", "created", "entities", "relations", "note"});
  for (const auto& info : snapshots) {
    table.AddRow({info.name, info.created, std::to_string(info.entities), std::to_string(info.relations), info.note});
  }
  table.Print(os, globals.OutputFormat());
}

}  // namespace

int RunSnapshotList(const GlobalOptions& globals, std::ostream& os) {
  struct stat info {};
  if (stat(globals.DbPath().c_str(), &info) != 0) {
    PrintSnapshots(globals, {}, os);
    return 0;
  }
  PrintSnapshots(globals, OpenStore(globals, store::Store::Mode::kReadOnly)->Snapshots(), os);
  return 0;
}

namespace {

// The communities of one version (Leiden, resolution 1, seed 0: what `communities` answers),
// each as its members' ids, and each community's three members of highest degree.
struct VersionCommunities {
  std::vector<std::vector<std::string>> members;
  std::vector<std::vector<std::string>> leaders;
};

VersionCommunities CommunitiesOf(const Schema& schema, const Topology& topology) {
  query::Csr view(schema, topology);
  query::SimpleGraph graph = query::ConnectionGraph(view, ~uint64_t{0}, /*directed=*/false);
  query::CommunityResult result = query::DetectCommunities(graph, {});
  VersionCommunities out;
  for (const auto& community : result.communities) {
    std::vector<std::string> ids;
    for (uint32_t node : community) ids.push_back(topology.entity_ids[node]);
    std::vector<uint32_t> by_degree = community;
    std::stable_sort(by_degree.begin(), by_degree.end(), [&](uint32_t a, uint32_t b) { return graph.degree(a) > graph.degree(b); });
    std::vector<std::string> leaders;
    for (size_t i = 0; i < by_degree.size() && i < 3; ++i) leaders.push_back(topology.entity_ids[by_degree[i]]);
    out.members.push_back(std::move(ids));
    out.leaders.push_back(std::move(leaders));
  }
  return out;
}

}  // namespace

int RunDiff(const GlobalOptions& globals, const DiffOptions& options, std::ostream& os) {
  auto store = OpenStore(globals, store::Store::Mode::kReadOnly);
  store::ReadOptions from{options.from, globals.as_of}, to{options.to, globals.as_of};
  // Unchanged rows are shared by the two versions: only the entities that changed and the ends
  // of changed relations are loaded from each. --as-of filters by date, so it loads both whole.
  bool in_parts = globals.as_of.empty();
  Graph before, after;
  if (in_parts) {
    store->BeginRead();
    std::vector<std::string> changed = store->ChangedEntityIds(from, to);
    before = store->LoadSubgraph(changed, from);
    after = store->LoadSubgraph(changed, to);
  } else {
    before = store->Load(from);
    after = store->Load(to);
  }
  std::string to_name = options.to.empty() ? "working" : options.to;
  query::GraphDiff diff = query::Diff(before, after);

  struct Mover {
    std::string id, name;
    size_t from_rank, to_rank;
  };
  std::vector<Mover> movers;
  VersionCommunities from_communities, to_communities;
  query::CommunityChanges community_changes;
  std::function<std::string(const std::vector<std::string>&)> leader_names = [](const std::vector<std::string>&) { return std::string(); };
  if (!options.rank_changes.empty()) {
    query::Measure measure = query::ParseMeasure(options.rank_changes);
    auto from_rank = Ranks(store->schema(), in_parts ? store->LoadTopology(from) : TopologyOf(before), measure);
    auto to_rank = Ranks(store->schema(), in_parts ? store->LoadTopology(to) : TopologyOf(after), measure);
    for (const auto& [id, rank] : to_rank) {
      auto it = from_rank.find(id);
      if (it != from_rank.end() && it->second != rank) movers.push_back({id, "", it->second, rank});
    }
    std::stable_sort(movers.begin(), movers.end(), [](const Mover& a, const Mover& b) {
      auto moved = [](const Mover& m) { return m.from_rank > m.to_rank ? m.from_rank - m.to_rank : m.to_rank - m.from_rank; };
      return moved(a) > moved(b);
    });
    if (options.top > 0 && movers.size() > static_cast<size_t>(options.top)) movers.resize(static_cast<size_t>(options.top));
    from_communities = CommunitiesOf(store->schema(), in_parts ? store->LoadTopology(from) : TopologyOf(before));
    to_communities = CommunitiesOf(store->schema(), in_parts ? store->LoadTopology(to) : TopologyOf(after));
    community_changes = query::CompareCommunities(from_communities.members, to_communities.members);
    // Their names, from the newer version (community leaders from their own version).
    std::vector<std::string> ids;
    for (const Mover& mover : movers) ids.push_back(mover.id);
    for (const auto* change_list : {&community_changes.splits, &community_changes.merges}) {
      for (const query::CommunityChange& change : *change_list) {
        bool split = change_list == &community_changes.splits;
        const auto& own = split ? from_communities : to_communities;
        const auto& other = split ? to_communities : from_communities;
        for (const std::string& id : own.leaders[change.community]) ids.push_back(id);
        for (const query::CommunityPiece& piece : change.parts) {
          for (const std::string& id : other.leaders[piece.community]) ids.push_back(id);
        }
      }
    }
    store::ReadOptions names_only = to;
    names_only.entities_only = true;
    Graph names = in_parts ? store->LoadSubgraph(ids, names_only) : Graph();
    for (Mover& mover : movers) mover.name = EntityLabel(in_parts ? names : after, mover.id);
    leader_names = [&, names](const std::vector<std::string>& leaders) {
      std::string text;
      for (const std::string& id : leaders) {
        std::string name = EntityLabel(in_parts ? names : after, id);
        if (!in_parts && name == id) name = EntityLabel(before, id);
        text += (text.empty() ? "" : ", ") + name;
      }
      return text;
    };
  }
  auto community_json = [&](const VersionCommunities& version, uint32_t community, uint32_t shared) {
    Json item{{"community", community + 1}, {"size", version.members[community].size()},
              {"label", leader_names(version.leaders[community])}};
    if (shared > 0) item["shared"] = shared;
    return item;
  };
  auto changes_json = [&](const std::vector<query::CommunityChange>& changes, bool split) {
    Json list = Json::array();
    for (const query::CommunityChange& change : changes) {
      const auto& own = split ? from_communities : to_communities;
      const auto& other = split ? to_communities : from_communities;
      Json parts = Json::array();
      for (const query::CommunityPiece& piece : change.parts) parts.push_back(community_json(other, piece.community, piece.shared));
      list.push_back({{split ? "from" : "to", community_json(own, change.community, 0)}, {split ? "into" : "from", parts}});
    }
    return list;
  };

  if (globals.OutputFormat() == Format::kJson) {
    auto entities_json = [](const std::vector<query::EntityDiff>& list) {
      Json out = Json::array();
      for (const auto& item : list) {
        Json entry{{"id", item.id}, {"name", item.name}};
        if (!item.changes.empty()) {
          Json changes = Json::object();
          for (const auto& change : item.changes) changes[change.field] = {{"from", change.from}, {"to", change.to}};
          entry["changes"] = changes;
        }
        out.push_back(entry);
      }
      return out;
    };
    auto relations_json = [](const std::vector<query::RelationDiff>& list, bool with_changes) {
      Json out = Json::array();
      for (const auto& item : list) {
        Json entry{{"source", item.key.source}, {"target", item.key.target}, {"relation", item.key.type}};
        if (with_changes) {
          Json changes = Json::object();
          for (const auto& change : item.changes) changes[change.field] = {{"from", change.from}, {"to", change.to}};
          entry["changes"] = changes;
          Json added = Json::array();
          for (const Evidence& evidence : item.evidence_added) added.push_back({{"document", evidence.document}, {"sentence", evidence.sentence}, {"date", evidence.date}});
          entry["evidence_added"] = added;
        }
        out.push_back(entry);
      }
      return out;
    };
    Json out;
    out["from"] = options.from;
    out["to"] = to_name;
    out["entities"] = {{"added", entities_json(diff.entities_added)},
                       {"removed", entities_json(diff.entities_removed)},
                       {"changed", entities_json(diff.entities_changed)}};
    out["relations"] = {{"added", relations_json(diff.relations_added, false)},
                        {"removed", relations_json(diff.relations_removed, false)},
                        {"changed", relations_json(diff.relations_changed, true)}};
    if (!options.rank_changes.empty()) {
      Json ranks = Json::array();
      for (const Mover& m : movers) ranks.push_back({{"id", m.id}, {"name", m.name}, {"from_rank", m.from_rank}, {"to_rank", m.to_rank}});
      out["rank_changes"] = {{"measure", options.rank_changes}, {"entities", ranks}};
      out["community_changes"] = {{"splits", changes_json(community_changes.splits, true)},
                                  {"merges", changes_json(community_changes.merges, false)}};
    }
    PrintJson(os, out);
    return 0;
  }
  if (globals.OutputFormat() == Format::kCsv) {
    Table table({"what", "change", "id_or_source", "relation", "target", "field", "from", "to"});
    auto entity_rows = [&](const std::vector<query::EntityDiff>& list, const char* change) {
      for (const auto& item : list) {
        if (item.changes.empty()) table.AddRow({"entity", change, item.id, "", "", "", "", ""});
        for (const auto& c : item.changes) table.AddRow({"entity", change, item.id, "", "", c.field, c.from, c.to});
      }
    };
    auto relation_rows = [&](const std::vector<query::RelationDiff>& list, const char* change) {
      for (const auto& item : list) {
        if (item.changes.empty()) table.AddRow({"relation", change, item.key.source, item.key.type, item.key.target, "", "", ""});
        for (const auto& c : item.changes) table.AddRow({"relation", change, item.key.source, item.key.type, item.key.target, c.field, c.from, c.to});
      }
    };
    entity_rows(diff.entities_added, "added");
    entity_rows(diff.entities_removed, "removed");
    entity_rows(diff.entities_changed, "changed");
    relation_rows(diff.relations_added, "added");
    relation_rows(diff.relations_removed, "removed");
    relation_rows(diff.relations_changed, "changed");
    table.Print(os, Format::kCsv);
    return 0;
  }
  os << "Changes from snapshot " << ForTerminal(options.from) << " to "
     << (options.to.empty() ? "the working graph" : "snapshot " + ForTerminal(options.to)) << "\n";
  if (diff.empty()) os << "\nNothing changed.\n";
  auto section = [&os](const char* title, size_t count) {
    if (count > 0) os << "\n" << title << " (" << count << ")\n";
  };
  section("Entities added", diff.entities_added.size());
  for (const auto& item : diff.entities_added) os << "  + " << ForTerminal(item.name) << " (" << item.id << ")\n";
  section("Entities removed", diff.entities_removed.size());
  for (const auto& item : diff.entities_removed) os << "  - " << ForTerminal(item.name) << " (" << item.id << ")\n";
  section("Entities changed", diff.entities_changed.size());
  for (const auto& item : diff.entities_changed) {
    os << "  ~ " << ForTerminal(item.name) << " (" << item.id << ")\n";
    for (const auto& c : item.changes) os << "      " << c.field << ": " << ForTerminal(c.from) << " -> " << ForTerminal(c.to) << "\n";
  }
  section("Relations added", diff.relations_added.size());
  for (const auto& item : diff.relations_added) os << "  + " << ForTerminal(RelationLabel(after, item.key)) << "\n";
  section("Relations removed", diff.relations_removed.size());
  for (const auto& item : diff.relations_removed) os << "  - " << ForTerminal(RelationLabel(before, item.key)) << "\n";
  section("Relations changed", diff.relations_changed.size());
  for (const auto& item : diff.relations_changed) {
    os << "  ~ " << ForTerminal(RelationLabel(after, item.key)) << "\n";
    for (const auto& c : item.changes) os << "      " << c.field << ": " << ForTerminal(c.from) << " -> " << ForTerminal(c.to) << "\n";
    for (const Evidence& e : item.evidence_added) {
      if (!e.sentence.empty()) os << "      new evidence: \"" << ForTerminal(e.sentence) << "\"\n";
    }
  }
  if (!options.rank_changes.empty()) {
    os << "\nLargest moves in " << options.rank_changes << " rank\n";
    if (movers.empty()) os << "  (no entity changed rank)\n";
    for (const Mover& m : movers) {
      os << "  " << ForTerminal(m.name) << ": " << m.from_rank << " -> " << m.to_rank << "\n";
    }
    std::cout << "\nCommunities that split or merged (Leiden, matched by shared members)\n";
    if (community_changes.splits.empty() && community_changes.merges.empty()) std::cout << "  (none)\n";
    auto describe = [&](const VersionCommunities& version, uint32_t community) {
      return "community " + std::to_string(community + 1) + " (" + std::to_string(version.members[community].size()) + ", " +
             ForTerminal(leader_names(version.leaders[community])) + ")";
    };
    for (const query::CommunityChange& change : community_changes.splits) {
      std::cout << "  split: " << describe(from_communities, change.community) << " ->";
      for (size_t i = 0; i < change.parts.size(); ++i) {
        std::cout << (i ? " +" : "") << " " << describe(to_communities, change.parts[i].community) << " [" << change.parts[i].shared << " shared]";
      }
      std::cout << "\n";
    }
    for (const query::CommunityChange& change : community_changes.merges) {
      std::cout << "  merged:";
      for (size_t i = 0; i < change.parts.size(); ++i) {
        std::cout << (i ? " +" : "") << " " << describe(from_communities, change.parts[i].community) << " [" << change.parts[i].shared << " shared]";
      }
      std::cout << " -> " << describe(to_communities, change.community) << "\n";
    }
  }
  return 0;
}

void AddSnapshotCommands(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  CLI::App* snapshot = app.add_subcommand("snapshot", "Save, list, compare and restore named versions of the graph");
  snapshot->require_subcommand(1);
  snapshot->footer(
      "Examples:\n  relgraph snapshot save 2024-12 --note 'after December news'\n  relgraph snapshot list\n"
      "  relgraph snapshot diff 2024-12            (to the working graph)\n"
      "  relgraph snapshot diff 2024-11 2024-12 --rank-changes pagerank\n  relgraph snapshot restore 2024-11");

  struct SaveOptions {
    std::string name, note;
    bool replace = false;
  };
  auto save_options = std::make_shared<SaveOptions>();
  CLI::App* save = snapshot->add_subcommand("save", "Save the working graph under a name (costs only what changes later)");
  save->add_option("name", save_options->name, "Snapshot name")->required();
  save->add_option("--note", save_options->note, "A note kept with the snapshot");
  save->add_flag("--replace", save_options->replace, "Overwrite a snapshot of the same name");
  commands->push_back({save, [&globals, save_options] {
                         auto store = OpenStore(globals, store::Store::Mode::kReadWrite);
                         store::SnapshotInfo info = store->SaveSnapshot(save_options->name, save_options->note, save_options->replace);
                         if (globals.OutputFormat() == Format::kJson) {
                           PrintJson(std::cout, SnapshotJson(info));
                         } else {
                           std::cout << "Saved snapshot " << ForTerminal(info.name) << ": " << info.entities << " entities, "
                                     << info.relations << " relations (" << info.created << ")\n";
                         }
                         return 0;
                       }});

  CLI::App* list = snapshot->add_subcommand("list", "List saved snapshots, oldest first");
  commands->push_back({list, [&globals] { return RunSnapshotList(globals, std::cout); }});

  auto show_name = std::make_shared<std::string>();
  CLI::App* show = snapshot->add_subcommand("show", "Show one snapshot: when, note, counts by kind and relation");
  show->add_option("name", *show_name, "Snapshot name")->required();
  commands->push_back({show, [&globals, show_name] {
                         auto store = OpenStore(globals, store::Store::Mode::kReadOnly);
                         store::SnapshotInfo info = store->GetSnapshot(*show_name);
                         Graph graph = store->Load({*show_name, ""});
                         std::map<std::string, size_t> by_kind, by_relation;
                         for (const Entity& entity : graph.entities()) ++by_kind[entity.kind];
                         for (const Relation& relation : graph.relations()) ++by_relation[relation.type];
                         if (globals.OutputFormat() == Format::kJson) {
                           Json out = SnapshotJson(info);
                           out["evidence"] = graph.EvidenceCount();
                           out["by_kind"] = by_kind;
                           out["by_relation"] = by_relation;
                           PrintJson(std::cout, out);
                           return 0;
                         }
                         std::cout << "Snapshot " << ForTerminal(info.name) << ", saved " << info.created << "\n";
                         if (!info.note.empty()) std::cout << "  " << ForTerminal(info.note) << "\n";
                         std::cout << "  " << info.entities << " entities, " << info.relations << " relations, "
                                   << graph.EvidenceCount() << " evidence records\n";
                         for (const auto& [kind, count] : by_kind) std::cout << "  " << kind << ": " << count << "\n";
                         for (const auto& [type, count] : by_relation) std::cout << "  " << type << ": " << count << "\n";
                         return 0;
                       }});

  auto diff_options = std::make_shared<DiffOptions>();
  CLI::App* diff = snapshot->add_subcommand("diff", "What changed from snapshot A to snapshot B (default: the working graph)");
  diff->add_option("a", diff_options->from, "Older snapshot")->required();
  diff->add_option("b", diff_options->to, "Newer snapshot (default: the working graph)");
  diff->add_option("--rank-changes", diff_options->rank_changes, "Also list the entities whose rank by this centrality moved most, and the communities that split or merged")
      ->check(CLI::IsMember({"degree", "in-degree", "out-degree", "betweenness", "closeness", "harmonic", "pagerank"}));
  diff->add_option("--top", diff_options->top, "How many rank changes to list (0: all)")->capture_default_str();
  commands->push_back({diff, [&globals, diff_options] { return RunDiff(globals, *diff_options, std::cout); }});

  auto delete_name = std::make_shared<std::string>();
  CLI::App* remove = snapshot->add_subcommand("delete", "Delete a snapshot and the rows only it kept");
  remove->add_option("name", *delete_name, "Snapshot name")->required();
  commands->push_back({remove, [&globals, delete_name] {
                         OpenStore(globals, store::Store::Mode::kReadWrite)->DeleteSnapshot(*delete_name);
                         if (globals.OutputFormat() == Format::kJson) {
                           PrintJson(std::cout, {{"deleted", *delete_name}});
                         } else {
                           std::cout << "Deleted snapshot " << ForTerminal(*delete_name) << "\n";
                         }
                         return 0;
                       }});

  auto restore_name = std::make_shared<std::string>();
  CLI::App* restore = snapshot->add_subcommand("restore", "Make the working graph equal to a snapshot (other snapshots are kept)");
  restore->add_option("name", *restore_name, "Snapshot name")->required();
  commands->push_back({restore, [&globals, restore_name] {
                         auto store = OpenStore(globals, store::Store::Mode::kReadWrite);
                         store->RestoreSnapshot(*restore_name);
                         Graph graph = store->Load();
                         if (globals.OutputFormat() == Format::kJson) {
                           PrintJson(std::cout, {{"restored", *restore_name}, {"entities", graph.entities().size()},
                                                 {"relations", graph.relations().size()}});
                         } else {
                           std::cout << "Restored snapshot " << ForTerminal(*restore_name) << ": the working graph has "
                                     << graph.entities().size() << " entities and " << graph.relations().size() << " relations\n";
                         }
                         return 0;
                       }});

  auto repair = std::make_shared<bool>(false);
  CLI::App* check = app.add_subcommand("check", "Check the store: integrity, schema version, dangling references, graph images");
  check->add_flag("--repair", *repair, "First rebuild what is derived from the rows (graph images, name keys), in one transaction");
  check->footer("Exit status 0 when sound, 1 with a report when not.\nExamples:\n  relgraph check --db news.db\n  relgraph check --repair");
  commands->push_back({check, [&globals, repair] { return RunCheck(globals, *repair); }});
}

}  // namespace relgraph::cli
