// Stage 3 of the store: what is derived from the rows and kept beside them, written in the same
// transaction: name keys (entity_keys), graph images (graph_images) and counts (graph_counts).
#include "store/internal.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "common/text.h"
#include "store/image.h"

namespace relgraph::store {

std::vector<std::pair<int64_t, Entity>> Store::Impl::EntityNames() {
  Statement entities(db, "SELECT row, id, name FROM entities");
  Statement aliases(db, "SELECT alias FROM aliases WHERE entity_row = ?1 ORDER BY position");
  std::vector<std::pair<int64_t, Entity>> rows;
  while (entities.Step()) {
    Entity entity;
    entity.id = entities.Text(1);
    entity.name = entities.Text(2);
    rows.emplace_back(entities.Int(0), std::move(entity));
  }
  for (auto& [row, entity] : rows) {
    aliases.Bind(1, row);
    while (aliases.Step()) entity.aliases.emplace_back(aliases.Text(0));
    aliases.Reset();
  }
  return rows;
}

std::set<std::string> StoredKeysOf(const Entity& entity) {
  std::set<std::string> keys = MatchKeysOf(entity);
  keys.erase(entity.id);
  return keys;
}

void Store::Impl::WriteKeys(int64_t row, const Entity& entity) {
  // The keys EntityLookup matches names by, each once per entity.
  if (!insert_key) insert_key = std::make_unique<Statement>(db, "INSERT OR IGNORE INTO entity_keys(key, entity_row) VALUES (?1, ?2)");
  for (const std::string& key : StoredKeysOf(entity)) insert_key->Bind(1, key).Bind(2, row).Run();
}

Topology Store::Impl::BuildTopology(std::optional<int64_t> version) {
  bool at = version.has_value();
  Topology topology;
  // Entities with the atom number of their id (none when no relation or evidence names them).
  std::vector<std::pair<std::string, int64_t>> entity_atoms;
  Statement entities(db, ("SELECT e.id, a.n FROM entities e LEFT JOIN atoms a ON a.text = e.id WHERE " + Visible("e", at)).c_str());
  if (at) entities.Bind(1, *version);
  while (entities.Step()) entity_atoms.emplace_back(entities.Text(0), entities.IsNull(1) ? -1 : entities.Int(1));
  std::sort(entity_atoms.begin(), entity_atoms.end());
  std::unordered_map<int64_t, uint32_t> index_of_atom;
  index_of_atom.reserve(entity_atoms.size());
  topology.entity_ids.reserve(entity_atoms.size());
  for (auto& [id, atom] : entity_atoms) {
    if (atom >= 0) index_of_atom.emplace(atom, static_cast<uint32_t>(topology.entity_ids.size()));
    topology.entity_ids.push_back(std::move(id));
  }
  auto find = [&](int64_t atom) -> std::optional<uint32_t> {
    auto it = index_of_atom.find(atom);
    if (it == index_of_atom.end()) return std::nullopt;
    return it->second;
  };
  std::unordered_map<int64_t, uint8_t> code_of_atom;
  {
    Statement type_atom(db, "SELECT n FROM atoms WHERE text = ?1");
    for (size_t code = 0; code < schema.relation_types().size(); ++code) {
      type_atom.Bind(1, schema.relation_types()[code].name);
      if (type_atom.Step()) code_of_atom.emplace(type_atom.Int(0), static_cast<uint8_t>(code));
      type_atom.Reset();
    }
  }

  // Relations come in key order (source, type, target), as Load gives them: by entity index
  // (ids are sorted), then by the rank of the type's name, then by target index.
  std::vector<uint32_t> rank_of_code = TypeRanks(schema);
  struct Row {
    uint32_t source, target;
    uint8_t type;
    double weight;
  };
  std::vector<Row> rows;
  Statement relations(db, ("SELECT source, type, target, " + WeightOf("") + " FROM relation_rows WHERE " + Visible("", at)).c_str());
  if (at) relations.Bind(1, *version);
  while (relations.Step()) {
    std::optional<uint32_t> source = find(relations.Int(0));
    std::optional<uint32_t> target = find(relations.Int(2));
    auto type = code_of_atom.find(relations.Int(1));
    // Dangling relations and unknown types are left out here and reported by Check().
    if (!source || !target || type == code_of_atom.end()) continue;
    rows.push_back({*source, *target, type->second, relations.Double(3)});
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.type != b.type) return rank_of_code[a.type] < rank_of_code[b.type];
    return a.target < b.target;
  });
  topology.source.reserve(rows.size());
  topology.target.reserve(rows.size());
  topology.type.reserve(rows.size());
  topology.weight.reserve(rows.size());
  for (const Row& row : rows) {
    topology.source.push_back(row.source);
    topology.target.push_back(row.target);
    topology.type.push_back(row.type);
    topology.weight.push_back(row.weight);
  }
  return topology;
}

void Store::Impl::UpdateImage() {
  if (!image_rebuild) {
    Statement get(db, "SELECT image FROM graph_images WHERE version = 0");
    if (get.Step()) {
      try {
        Topology topology = DecodeImage(get.Blob(0), schema);
        get.Reset();
        ApplyChange(&topology, image_change, schema);
        Statement put(db, "UPDATE graph_images SET image = ?1 WHERE version = 0");
        put.BindBlob(1, EncodeImage(topology, schema)).Run();
        WriteCounts(0, std::nullopt, topology);
        return;
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::kStorage) throw;  // a damaged image is rebuilt from the rows
      }
    }
  }
  WriteImage(0, std::nullopt);
}

void Store::Impl::WriteImage(int64_t image_version, std::optional<int64_t> visible_version) {
  Topology topology = BuildTopology(visible_version);
  std::string image = EncodeImage(topology, schema);
  Statement put(db, "INSERT OR REPLACE INTO graph_images(version, image) VALUES (?1, ?2)");
  put.Bind(1, image_version).BindBlob(2, image).Run();
  WriteCounts(image_version, visible_version, topology);
}

namespace {

std::string CountLines(const std::map<std::string, int64_t>& counts) {
  std::string text;
  for (const auto& [name, count] : counts) text += name + "\t" + std::to_string(count) + "\n";
  return text;
}

std::map<std::string, int64_t> ParseCountLines(std::string_view text) {
  std::map<std::string, int64_t> counts;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw Error(ErrorKind::kStorage, "damaged graph counts: a line without a count");
    counts[std::string(line.substr(0, tab))] = std::stoll(std::string(line.substr(tab + 1)));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return counts;
}

}  // namespace

Store::Counts Store::Impl::ComputeCounts(std::optional<int64_t> version, const Topology& topology) {
  bool at = version.has_value();
  // (Evidence of a relation that is not there is not counted by Load either; Check reports it.)
  std::string live_evidence = "evidence_rows v WHERE " + Visible("v", at);
  Counts counts;
  counts.entities = static_cast<int64_t>(topology.entity_ids.size());
  counts.relations = static_cast<int64_t>(topology.relation_count());
  // Evidence rows, and (schema 7) the evidence relation rows of bulk CSV lines keep.
  Statement evidence(db, ("SELECT (SELECT count(*) FROM " + live_evidence + ") + (SELECT count(*) FROM relation_rows r WHERE " +
                          Visible("r", at) + " AND r.document IS NOT NULL)").c_str());
  if (at) evidence.Bind(1, *version);
  evidence.Step();
  counts.evidence = evidence.Int(0);
  Statement documents(db, ("SELECT count(*) FROM documents d WHERE " + DocumentVisible(at)).c_str());
  if (at) documents.Bind(1, *version);
  documents.Step();
  counts.documents = documents.Int(0);
  Statement kinds(db, ("SELECT kind, count(*) FROM entities WHERE " + Visible("", at) + " GROUP BY kind").c_str());
  if (at) kinds.Bind(1, *version);
  while (kinds.Step()) counts.entities_by_kind[std::string(kinds.Text(0))] = kinds.Int(1);
  for (uint8_t code : topology.type) ++counts.relations_by_type[schema.relation_types()[code].name];
  return counts;
}

std::optional<Store::Counts> Store::Impl::StoredCounts(int64_t version) {
  if (!has_counts) return std::nullopt;
  Statement row(db, "SELECT entities, relations, evidence, documents, by_kind, by_relation FROM graph_counts WHERE version = ?1");
  row.Bind(1, version);
  if (!row.Step()) return std::nullopt;
  try {
    Counts counts;
    counts.entities = row.Int(0);
    counts.relations = row.Int(1);
    counts.evidence = row.Int(2);
    counts.documents = row.Int(3);
    counts.entities_by_kind = ParseCountLines(row.Text(4));
    counts.relations_by_type = ParseCountLines(row.Text(5));
    return counts;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged row: the caller counts the rows; check reports it
  }
}

void Store::Impl::WriteCounts(int64_t counts_version, std::optional<int64_t> visible_version, const Topology& topology) {
  if (!has_counts) return;  // a migration step before schema 5
  PutCounts(counts_version, ComputeCounts(visible_version, topology));
}

void Store::Impl::PutCounts(int64_t counts_version, const Counts& counts) {
  Statement put(db, "INSERT OR REPLACE INTO graph_counts(version, entities, relations, evidence, documents, by_kind, by_relation) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  put.Bind(1, counts_version).Bind(2, counts.entities).Bind(3, counts.relations).Bind(4, counts.evidence);
  put.Bind(5, counts.documents).Bind(6, CountLines(counts.entities_by_kind)).Bind(7, CountLines(counts.relations_by_type)).Run();
}

}  // namespace relgraph::store
