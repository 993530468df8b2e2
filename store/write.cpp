// Stage 2 of the store: writes. An import's change set applied in key order with prepared
// statements, inside one write transaction; relation and evidence keys as atoms (schema 6).
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

int64_t Store::DataVersion() const { return QueryInt(impl_->db, "PRAGMA data_version"); }

void Store::WriteTransaction(const std::function<void()>& fn) {
  impl_->graph_changed = false;
  impl_->image_rebuild = false;
  impl_->image_change = {};
  impl_->Transaction([&] {
    impl_->head = impl_->ReadHead();
    fn();
    // The image changes in the same transaction as the rows it describes, so a reader never
    // sees one without the other.
    if (impl_->graph_changed) impl_->UpdateImage();
  });
}

void Store::Impl::Prepare() {
  if (find_entity) return;
  find_entity = std::make_unique<Statement>(db, "SELECT row, since FROM entities WHERE id = ?1 AND until IS NULL");
  close_entity = std::make_unique<Statement>(db, "UPDATE entities SET until = ?2 WHERE row = ?1");
  insert_entity = std::make_unique<Statement>(
      db, "INSERT INTO entities(id, name, kind, country, description, since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  update_entity = std::make_unique<Statement>(
      db, "UPDATE entities SET name = ?2, kind = ?3, country = ?4, description = ?5 WHERE row = ?1");
  delete_aliases = std::make_unique<Statement>(db, "DELETE FROM aliases WHERE entity_row = ?1");
  insert_alias = std::make_unique<Statement>(db, "INSERT INTO aliases(entity_row, position, alias) VALUES (?1, ?2, ?3)");
  delete_entity_properties = std::make_unique<Statement>(db, "DELETE FROM entity_properties WHERE entity_row = ?1");
  insert_entity_property =
      std::make_unique<Statement>(db, "INSERT INTO entity_properties(entity_row, key, value) VALUES (?1, ?2, ?3)");
  find_relation = std::make_unique<Statement>(
      db, "SELECT since, first_seen, document, line, line_date FROM relation_rows WHERE source = ?1 AND type = ?2 AND "
          "target = ?3 AND until IS NULL");
  // (A relation row is its key and since: the table is ordered by them, schema 7.)
  close_relation = std::make_unique<Statement>(
      db, "UPDATE relation_rows SET until = ?2 WHERE source = ?3 AND type = ?4 AND target = ?5 AND since = ?1");
  insert_relation = std::make_unique<Statement>(
      db, "INSERT INTO relation_rows(source, type, target, weight, date, since, first_seen, document, line, line_date) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  insert_line_document = std::make_unique<Statement>(db, "INSERT OR IGNORE INTO line_documents(document) VALUES (?1)");
  update_relation = std::make_unique<Statement>(
      db, "UPDATE relation_rows SET weight = ?2, date = ?3 WHERE source = ?4 AND type = ?5 AND target = ?6 AND since = ?1");
  delete_relation_properties = std::make_unique<Statement>(
      db, "DELETE FROM relation_properties WHERE source = ?1 AND type = ?2 AND target = ?3 AND since = ?4");
  insert_relation_property =
      std::make_unique<Statement>(db, "INSERT INTO relation_properties(source, type, target, since, key, value) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert_evidence = std::make_unique<Statement>(
      db,
      "INSERT INTO evidence_rows(source, type, target, document, sentence, date, locator, extractor, confidence, since) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  put_document = std::make_unique<Statement>(
      db,
      "INSERT INTO documents(id, title, url, date, lang) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url, date = excluded.date, lang = excluded.lang");
  delete_keys = std::make_unique<Statement>(db, "DELETE FROM entity_keys WHERE entity_row = ?1");
}

namespace {

// For each item, the rank of its value among the distinct values (ascending byte order); the
// distinct values by rank go to *sorted.
std::vector<uint32_t> RankOf(const std::vector<std::string_view>& items, std::vector<std::string_view>* sorted) {
  std::vector<std::string_view> distinct;
  std::vector<uint32_t> local(items.size());
  IndexTable table;
  for (size_t i = 0; i < items.size(); ++i) {
    size_t hash = HashId(items[i]);
    auto found = table.Find(hash, [&](uint32_t d) { return distinct[d] == items[i]; });
    if (!found) {
      found = static_cast<uint32_t>(distinct.size());
      table.Insert(hash, *found);
      distinct.push_back(items[i]);
    }
    local[i] = *found;
  }
  std::vector<uint32_t> by_value(distinct.size());
  for (uint32_t d = 0; d < by_value.size(); ++d) by_value[d] = d;
  std::sort(by_value.begin(), by_value.end(), [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
  std::vector<uint32_t> rank(distinct.size());
  for (uint32_t r = 0; r < by_value.size(); ++r) rank[by_value[r]] = r;
  for (uint32_t& value : local) value = rank[value];
  sorted->resize(distinct.size());
  for (uint32_t r = 0; r < by_value.size(); ++r) (*sorted)[r] = distinct[by_value[r]];
  return local;
}

// Keys of n items as ranks among their distinct ids and types, and the positions in key order.
struct KeyOrder {
  std::vector<uint32_t> order;                // positions 0..n-1 by key, equal keys in their given order
  std::vector<uint32_t> source, type, target;  // each position's ranks
  std::vector<std::string_view> ids, types;    // the distinct values, by rank
};

// Comparing a million keys as text touches scattered strings at every step; ranking the
// distinct ids and types first leaves a sort of small integer tuples (about 4x faster on a
// million relations), and the writer looks each distinct text's atom up once.
template <typename KeyAt>
KeyOrder OrderByKey(size_t n, KeyAt&& key_at) {
  std::vector<std::string_view> ids, types;
  ids.reserve(2 * n);
  types.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    RelationKeyView key = key_at(i);
    ids.push_back(key.source);
    ids.push_back(key.target);
    types.push_back(key.type);
  }
  KeyOrder result;
  std::vector<uint32_t> id_rank = RankOf(ids, &result.ids), type_rank = RankOf(types, &result.types);
  ids = {};
  struct Item {
    uint32_t source, type, target, position;
    auto operator<=>(const Item&) const = default;
  };
  std::vector<Item> items(n);
  for (uint32_t i = 0; i < n; ++i) items[i] = {id_rank[2 * i], type_rank[i], id_rank[2 * i + 1], i};
  std::sort(items.begin(), items.end());
  result.order.resize(n);
  result.source.resize(n);
  result.type.resize(n);
  result.target.resize(n);
  for (size_t i = 0; i < n; ++i) {
    result.order[i] = items[i].position;
    result.source[i] = id_rank[2 * i];
    result.type[i] = type_rank[i];
    result.target[i] = id_rank[2 * i + 1];
  }
  return result;
}

}  // namespace

void Store::Apply(const ChangeSet& changes) {
  Impl& impl = *impl_;
  impl.Prepare();
  // A large write into a smaller store drops the indexes of relations and evidence and builds
  // them again once the rows are in: one sort each instead of a B-tree insert per row. Those of
  // entities stay, as entities are looked up and their keys replaced one by one. The unique
  // index on live relation keys is back before the first relation is looked up, and building
  // it checks that the new relations really were new. It all happens inside the caller's
  // transaction, so a failure or a kill undoes it.
  std::vector<std::pair<std::string, std::string>> dropped;  // name, SQL
  int64_t rows = static_cast<int64_t>(changes.new_relations.size() + changes.relations.size() + changes.evidence.size());
  if (rows >= 100000 &&
      rows > QueryInt(impl.db, "SELECT coalesce((SELECT relations FROM graph_counts WHERE version = 0), 0) + "
                               "(SELECT coalesce(max(row), 0) FROM evidence_rows)")) {
    dropped = impl.DropRowIndexes();
  }
  auto recreate = [&](bool only_relations_live) { impl.RecreateRowIndexes(dropped, only_relations_live); };

  for (const Document& document : changes.documents) {
    impl.put_document->Bind(1, document.id).Bind(2, document.title).Bind(3, document.url).Bind(4, document.date).Bind(5, document.lang).Run();
  }
  // Rows go in key order, so indexes on the key grow at their end instead of taking a million
  // inserts at random places (or, when dropped, are rebuilt from sorted rows). The orders are
  // computed from the change set alone, on other cores while SQLite writes what comes first.
  const std::vector<Relation>& added = changes.new_relations;
  const auto& evidence = changes.evidence;
  std::promise<KeyOrder> added_promise;
  std::future<KeyOrder> added_order = added_promise.get_future();
  std::future<KeyOrder> evidence_order = std::async(std::launch::async, [&] {
    // One thread beside SQLite's: relations first, as they are written first.
    try {
      added_promise.set_value(OrderByKey(added.size(), [&](size_t i) { return KeyViewOf(added[i], impl.schema); }));
    } catch (...) {
      added_promise.set_exception(std::current_exception());
    }
    return OrderByKey(evidence.size(), [&](size_t i) {
      const RelationKey& key = evidence[i].first;
      return RelationKeyView{key.source, key.type, key.target};
    });
  });
  for (const Entity& entity : changes.entities) impl.PutEntity(entity);
  impl.today = TodayNumber();
  // The atoms of the distinct texts, looked up (or added) once each, in text order.
  auto atoms_of = [&](const std::vector<std::string_view>& texts) {
    std::vector<int64_t> atoms(texts.size());
    for (size_t r = 0; r < texts.size(); ++r) atoms[r] = impl.Atom(texts[r]);
    return atoms;
  };
  KeyOrder evidence_keys = evidence_order.get();
  // The first evidence of a new relation, when it is a bulk CSV line, goes into the relation's
  // row (schema 7): both lists are in key order, so one pass pairs them.
  std::vector<bool> in_row(evidence.size(), false);
  {
    KeyOrder keys = added_order.get();
    std::vector<int64_t> ids = atoms_of(keys.ids), types = atoms_of(keys.types);
    size_t e = 0;
    for (uint32_t i : keys.order) {
      RelationKeyView key = KeyViewOf(added[i], impl.schema);
      auto evidence_key = [&](size_t at) {
        const RelationKey& k = evidence[evidence_keys.order[at]].first;
        return RelationKeyView{k.source, k.type, k.target};
      };
      while (e < evidence.size() && evidence_key(e) < key) ++e;
      std::optional<LineEvidence> line;
      if (e < evidence.size() && evidence_key(e) == key) {
        uint32_t first = evidence_keys.order[e];
        line = impl.LineEvidenceOf(evidence[first].second);
        if (line) in_row[first] = true;
      }
      int64_t source = ids[keys.source[i]], type = types[keys.type[i]], target = ids[keys.target[i]];
      if (dropped.empty()) impl.CheckNewRelation(source, type, target);
      impl.InsertRelation(source, type, target, added[i], impl.today, line ? &*line : nullptr);
    }
  }
  // A large write checks that the relations it took for new were, all at once.
  if (!dropped.empty() && !added.empty()) impl.CheckLiveKeysUnique();
  recreate(true);
  for (const Relation& relation : changes.relations) impl.PutRelation(relation);
  {
    KeyOrder& keys = evidence_keys;
    std::vector<int64_t> ids = atoms_of(keys.ids), types = atoms_of(keys.types);
    for (uint32_t i : keys.order) {
      if (!in_row[i]) impl.InsertEvidence(ids[keys.source[i]], types[keys.type[i]], ids[keys.target[i]], evidence[i].second);
    }
  }
  recreate(false);
  if (changes.empty()) return;
  impl.graph_changed = true;
  // The image takes a small change as it is; after a large one it is rebuilt from the rows,
  // which costs no more, and the change need not be kept.
  size_t changed = changes.entities.size() + changes.new_relations.size() + changes.relations.size();
  TopologyChange& image = impl.image_change;
  if (impl.image_rebuild || !dropped.empty() || image.entity_ids.size() + image.relations.size() + changed > 100000) {
    impl.image_rebuild = true;
    image = {};
    return;
  }
  for (const Entity& entity : changes.entities) image.entity_ids.push_back(entity.id);
  for (const std::vector<Relation>* relations : {&changes.new_relations, &changes.relations}) {
    for (const Relation& relation : *relations) {
      std::optional<size_t> type = impl.schema.RelationPosition(relation.type);
      if (!type) continue;  // left out of images, as when they are built from the rows
      RelationKeyView key = KeyViewOf(relation, impl.schema);
      image.relations.push_back({std::string(key.source), std::string(key.target), static_cast<uint8_t>(*type), relation.weight});
    }
  }
}

std::vector<std::pair<std::string, std::string>> Store::Impl::DropRowIndexes() {
  std::vector<std::pair<std::string, std::string>> dropped;  // name, SQL
  Statement indexes(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                        "AND tbl_name IN ('relation_rows', 'evidence_rows')");
  while (indexes.Step()) dropped.emplace_back(indexes.Text(0), indexes.Text(1));
  indexes.Reset();
  for (const auto& [name, sql] : dropped) db.Exec(("DROP INDEX \"" + name + "\"").c_str());
  return dropped;
}

void Store::Impl::RecreateRowIndexes(const std::vector<std::pair<std::string, std::string>>& dropped, bool only_relations_live) {
  for (const auto& [name, sql] : dropped) {
    if ((name == "relations_live") == only_relations_live) db.Exec(sql.c_str());
  }
}

void Store::Impl::PutEntity(const Entity& entity) {
  int64_t row = -1;
  find_entity->Bind(1, entity.id);
  if (find_entity->Step()) {
    int64_t existing = find_entity->Int(0);
    int64_t since = find_entity->Int(1);
    find_entity->Reset();
    if (since == head) {
      row = existing;  // born in the working version: no snapshot sees it, change in place
      update_entity->Bind(1, row).Bind(2, entity.name).Bind(3, entity.kind).Bind(4, entity.country).Bind(5, entity.description).Run();
      delete_aliases->Bind(1, row).Run();
      delete_entity_properties->Bind(1, row).Run();
      delete_keys->Bind(1, row).Run();
    } else {
      close_entity->Bind(1, existing).Bind(2, head).Run();
    }
  } else {
    find_entity->Reset();
  }
  if (row < 0) {
    insert_entity->Bind(1, entity.id).Bind(2, entity.name).Bind(3, entity.kind).Bind(4, entity.country).Bind(5, entity.description).Bind(6, head).Run();
    row = sqlite3_last_insert_rowid(db.handle());
  }
  int64_t position = 0;
  for (const std::string& alias : entity.aliases) insert_alias->Bind(1, row).Bind(2, position++).Bind(3, alias).Run();
  for (const auto& [key, value] : entity.properties) insert_entity_property->Bind(1, row).Bind(2, key).Bind(3, value).Run();
  WriteKeys(row, entity);
}

int64_t Store::Impl::Atom(std::string_view text) {
  // Rows of a bulk file cite one document: the last text asked for is checked first.
  if (last_atom.second > 0 && last_atom.first == text) return last_atom.second;
  if (auto it = atom_cache.find(text); it != atom_cache.end()) {
    last_atom = *it;
    return it->second;
  }
  if (!find_atom) {
    find_atom = std::make_unique<Statement>(db, "SELECT n FROM atoms WHERE text = ?1");
    insert_atom = std::make_unique<Statement>(db, "INSERT INTO atoms(text) VALUES (?1)");
  }
  int64_t n;
  find_atom->Bind(1, text);
  if (find_atom->Step()) {
    n = find_atom->Int(0);
    find_atom->Reset();
  } else {
    find_atom->Reset();
    insert_atom->Bind(1, text).Run();
    n = sqlite3_last_insert_rowid(db.handle());
  }
  last_atom = *atom_cache.emplace(std::string(text), n).first;
  return n;
}

void Store::Impl::PutRelation(const Relation& relation) {
  RelationKeyView key = KeyViewOf(relation, schema);
  int64_t source = Atom(key.source), type = Atom(key.type), target = Atom(key.target);
  find_relation->Bind(1, source).Bind(2, type).Bind(3, target);
  if (!find_relation->Step()) {
    find_relation->Reset();
    InsertRelation(source, type, target, relation, today);
    return;
  }
  int64_t since = find_relation->Int(0);
  // A changed relation keeps its first import date, and the evidence its row keeps.
  std::optional<int64_t> first_seen;
  if (!find_relation->IsNull(1)) first_seen = find_relation->Int(1);
  std::optional<LineEvidence> line;
  if (!find_relation->IsNull(2)) line = LineEvidence{find_relation->Int(2), find_relation->Int(3), std::string(find_relation->Text(4))};
  find_relation->Reset();
  if (since != head) {
    close_relation->Bind(1, since).Bind(2, head).Bind(3, source).Bind(4, type).Bind(5, target).Run();
    InsertRelation(source, type, target, relation, first_seen, line ? &*line : nullptr);
    return;
  }
  // Born in the working version: no snapshot sees it, so it changes in place.
  update_relation->Bind(1, since).Bind(4, source).Bind(5, type).Bind(6, target);
  BindWeight(*update_relation, 2, relation.weight);
  update_relation->Bind(3, relation.date).Run();
  delete_relation_properties->Bind(1, source).Bind(2, type).Bind(3, target).Bind(4, since).Run();
  InsertRelationProperties(source, type, target, relation.properties);
}

void Store::Impl::InsertRelationProperties(int64_t source, int64_t type, int64_t target, const Properties& properties) {
  for (const auto& [name, value] : properties) {
    insert_relation_property->Bind(1, source).Bind(2, type).Bind(3, target).Bind(4, head).Bind(5, name).Bind(6, value).Run();
  }
}

void Store::Impl::CheckNewRelation(int64_t source, int64_t type, int64_t target) {
  find_relation->Bind(1, source).Bind(2, type).Bind(3, target);
  bool found = find_relation->Step();
  find_relation->Reset();
  if (found) throw Error(ErrorKind::kStorage, db.path() + ": a relation the import took for new is stored already");
}

void Store::Impl::CheckLiveKeysUnique() {
  // The rows are in key order: one pass, no sorting.
  if (QueryInt(db, "SELECT EXISTS (SELECT 1 FROM relation_rows WHERE until IS NULL GROUP BY source, type, target HAVING count(*) > 1)") != 0) {
    throw Error(ErrorKind::kStorage, db.path() + ": a relation the import took for new is stored already");
  }
}

std::optional<LineEvidence> Store::Impl::LineEvidenceOf(const Evidence& evidence) {
  if (!evidence.sentence.empty() || evidence.extractor != "csv" || evidence.confidence != 1.0) return std::nullopt;
  std::optional<int64_t> line = LineOfFileLocator(evidence.document, evidence.locator);
  if (!line) return std::nullopt;
  return LineEvidence{Atom(evidence.document), *line, evidence.date};
}

void Store::Impl::InsertRelation(int64_t source, int64_t type, int64_t target, const Relation& relation,
                                 std::optional<int64_t> first_seen, const LineEvidence* line) {
  insert_relation->Bind(1, source).Bind(2, type).Bind(3, target).Bind(5, relation.date).Bind(6, head);
  BindWeight(*insert_relation, 4, relation.weight);
  if (first_seen) {
    insert_relation->Bind(7, *first_seen);
  } else {
    insert_relation->BindNull(7);
  }
  if (line) {
    insert_relation->Bind(8, line->document).Bind(9, line->line).Bind(10, line->date);
    if (line->document != last_line_document) {
      insert_line_document->Bind(1, line->document).Run();
      last_line_document = line->document;
    }
  } else {
    insert_relation->BindNull(8).BindNull(9).BindNull(10);
  }
  insert_relation->Run();
  InsertRelationProperties(source, type, target, relation.properties);
}

void Store::Impl::InsertEvidence(int64_t source, int64_t type, int64_t target, const Evidence& evidence) {
  insert_evidence->Bind(1, source).Bind(2, type).Bind(3, target).Bind(4, Atom(evidence.document));
  insert_evidence->Bind(5, evidence.sentence).Bind(6, evidence.date);
  if (std::optional<int64_t> line = LineOfFileLocator(evidence.document, evidence.locator)) {
    insert_evidence->Bind(7, *line);
  } else {
    insert_evidence->Bind(7, evidence.locator);
  }
  insert_evidence->Bind(8, evidence.extractor).Bind(9, evidence.confidence).Bind(10, head).Run();
}

// ---- snapshots ----

}  // namespace relgraph::store
