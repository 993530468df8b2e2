// Stage 2b of the store: a bulk import (graph/bulk.h) written into a store with nothing live,
// from its flat arrays: rows in key order, the graph image and counts from the same arrays.
#include <algorithm>
#include <functional>
#include <future>
#include <memory>
#include <numeric>
#include <type_traits>
#include <unordered_map>

#include "common/error.h"
#include "store/image.h"
#include "store/internal.h"

namespace relgraph::store {

namespace {

// An INSERT of many rows to a statement ("HEAD (?, ..), (?, ..), .."): a step, a reset and the
// statement's prologue per group of rows rather than per row, and texts bound without a copy
// (bind must bind arrays that do not change until Flush returns). Rows are added by number;
// bind binds the number's values from parameter base + 1 on.
class GroupedInsert {
 public:
  static constexpr uint32_t kGroup = 64;
  using BindRow = std::function<void(Statement& insert, int base, uint32_t item)>;
  GroupedInsert(Database& db, std::string head, int columns, BindRow bind)
      : db_(db), head_(std::move(head)), columns_(columns), bind_(std::move(bind)) {
    pending_.reserve(kGroup);
  }
  void Add(uint32_t item) {
    pending_.push_back(item);
    if (pending_.size() < kGroup) return;
    if (!group_) group_ = std::make_unique<Statement>(db_, Sql(kGroup).c_str());
    Run(*group_);
  }
  // Inserts the rows added since the last full group.
  void Flush() {
    if (pending_.empty()) return;
    Statement rest(db_, Sql(static_cast<uint32_t>(pending_.size())).c_str());
    Run(rest);
  }

 private:
  std::string Sql(uint32_t rows) const {
    std::string values = "(?";
    for (int c = 1; c < columns_; ++c) values += ",?";
    values += ")";
    std::string sql = head_ + values;
    for (uint32_t r = 1; r < rows; ++r) sql += "," + values;
    return sql;
  }
  void Run(Statement& insert) {
    for (size_t r = 0; r < pending_.size(); ++r) bind_(insert, static_cast<int>(r) * columns_, pending_[r]);
    insert.RunKeepingBindings();
    pending_.clear();
  }

  Database& db_;
  std::string head_;
  int columns_;
  BindRow bind_;
  std::vector<uint32_t> pending_;
  std::unique_ptr<Statement> group_;
};

}  // namespace

bool Store::ApplyBulk(const BulkRelations& bulk) {
  Impl& impl = *impl_;
  Database& db = impl.db;
  // Only into a store whose working graph has nothing a merge would look at.
  if (QueryInt(db, "SELECT EXISTS (SELECT 1 FROM entities WHERE until IS NULL) OR EXISTS (SELECT 1 FROM relation_rows WHERE "
                   "until IS NULL) OR EXISTS (SELECT 1 FROM evidence_rows WHERE until IS NULL)") != 0 ||
      QueryInt(db, ("SELECT count(*) FROM documents d WHERE " + DocumentVisible(false)).c_str()) != 0) {
    return false;
  }
  impl.Prepare();
  const size_t n = bulk.relation_count();
  std::vector<std::pair<std::string, std::string>> dropped;
  if (n + bulk.evidence.size() >= 100000) dropped = impl.DropRowIndexes();

  for (const Document& document : bulk.documents) {
    impl.put_document->Bind(1, document.id).Bind(2, document.title).Bind(3, document.url).Bind(4, document.date).Bind(5, document.lang).Run();
  }
  // The documents of bulk lines first: a small atom number is a byte in every row citing it.
  std::vector<int64_t> text_atom(bulk.texts.size(), 0);
  for (uint32_t document : bulk.line_document) {
    if (document != BulkRelations::kNoLine && text_atom[document] == 0) text_atom[document] = impl.Atom(bulk.texts[document]);
  }
  impl.today = TodayNumber();

  // Entities by id (the image's entity order), each one's row (none is live: no lookup) and atom,
  // written in that order so that every index on them grows at its end.
  std::vector<uint32_t> by_id(bulk.ids.size());
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) { return bulk.ids[a] < bulk.ids[b]; });
  std::vector<uint32_t> index_of(bulk.ids.size());
  for (uint32_t i = 0; i < by_id.size(); ++i) index_of[by_id[i]] = i;
  // Key order: (source id, type name, target id), as the rows' table and the image have it;
  // sorted on another core while this one writes the entities and atoms.
  struct KeyOrdered {
    std::vector<uint32_t> order, position, source, target, date, line_document, line_date;
    std::vector<uint8_t> type;
    std::vector<int64_t> line;
    Topology topology;
  };
  const std::vector<uint32_t> rank_of_type = TypeRanks(impl.schema);
  std::future<KeyOrdered> key_ordered = std::async(std::launch::async, [&bulk, &by_id, &index_of, &rank_of_type, n] {
    KeyOrdered k;
    struct Item {
      uint32_t source, type, target, relation;
      auto operator<=>(const Item&) const = default;
    };
    std::vector<Item> items(n);
    for (uint32_t r = 0; r < n; ++r) items[r] = {index_of[bulk.source[r]], rank_of_type[bulk.type[r]], index_of[bulk.target[r]], r};
    std::sort(items.begin(), items.end());

    // Every column gathered into key order first, in tight loops (many cache misses in flight at
    // once), so that the loop feeding SQLite reads memory in order.
    std::vector<uint32_t>&order = k.order, &position = k.position;  // key order -> relation, relation -> place
    order.resize(n);
    position.resize(n);
    for (uint32_t p = 0; p < n; ++p) {
      order[p] = items[p].relation;
      position[items[p].relation] = p;
    }
    auto gather = [&](const auto& column) {
      std::vector<std::decay_t<decltype(column[0])>> gathered(n);
      for (uint32_t p = 0; p < n; ++p) gathered[p] = column[order[p]];
      return gathered;
    };
    k.source = gather(bulk.source);
    k.target = gather(bulk.target);
    k.date = gather(bulk.date);
    k.line_document = gather(bulk.line_document);
    k.line_date = gather(bulk.line_date);
    k.type = gather(bulk.type);
    k.line = gather(bulk.line);

    Topology& topology = k.topology;
    topology.entity_ids.reserve(by_id.size());
    for (uint32_t id : by_id) topology.entity_ids.push_back(bulk.ids[id]);
    topology.source.resize(n);
    topology.target.resize(n);
    for (uint32_t p = 0; p < n; ++p) {
      topology.source[p] = items[p].source;
      topology.target[p] = items[p].target;
    }
    items = {};
    topology.type = k.type;
    topology.weight = gather(bulk.weight);
    return k;
  });
  // A store with nothing live has few atoms (its documents, types, what snapshots name): all
  // are read once, so that an id's atom is looked up here and a new one is numbered here
  // (max + 1 onwards, what SQLite would give it) and inserted many to a statement.
  std::vector<int64_t> atom_of(bulk.ids.size());
  {
    std::unordered_map<std::string, int64_t> stored;
    Statement atoms(db, "SELECT n, text FROM atoms");
    int64_t next = 1;
    while (atoms.Step()) {
      stored.emplace(atoms.Text(1), atoms.Int(0));
      next = std::max(next, atoms.Int(0) + 1);
    }
    atoms.Reset();
    std::vector<uint32_t> new_atoms;  // entity numbers whose id is a new atom, in by_id order
    for (uint32_t number : by_id) {
      auto it = stored.find(bulk.ids[number]);
      if (it != stored.end()) {
        atom_of[number] = it->second;
      } else {
        atom_of[number] = next++;
        new_atoms.push_back(number);
      }
    }
    GroupedInsert insert_atoms(db, "INSERT INTO atoms(n, text) VALUES ", 2, [&](Statement& insert, int base, uint32_t number) {
      insert.Bind(base + 1, atom_of[number]).BindStatic(base + 2, bulk.ids[number]);
    });
    for (uint32_t number : new_atoms) insert_atoms.Add(number);
    insert_atoms.Flush();
  }
  // Entity rows numbered the same way; none is live, so none is looked up. Their match keys
  // (rarely any: an id is its own key) once the rows are in (entity_keys refers to them).
  const int64_t first_row = QueryInt(db, "SELECT coalesce(max(row), 0) + 1 FROM entities");
  {
    GroupedInsert insert_entities(
        db, "INSERT INTO entities(row, id, name, kind, country, description, since) VALUES ", 7,
        [&](Statement& insert, int base, uint32_t i) {
          const std::string& id = bulk.ids[by_id[i]];
          insert.Bind(base + 1, first_row + i).BindStatic(base + 2, id).BindStatic(base + 3, id);
          insert.BindStatic(base + 4, bulk.entity_kind).BindStatic(base + 5, "").BindStatic(base + 6, "").Bind(base + 7, impl.head);
        });
    for (uint32_t i = 0; i < by_id.size(); ++i) insert_entities.Add(i);
    insert_entities.Flush();
  }
  for (uint32_t i = 0; i < by_id.size(); ++i) {
    const std::string& id = bulk.ids[by_id[i]];
    impl.WriteKeys(first_row + i, Entity{id, id, bulk.entity_kind, {}, "", "", {}});
  }
  const std::vector<RelationType>& types = impl.schema.relation_types();
  std::vector<int64_t> type_atom(types.size(), 0);
  for (uint8_t code : bulk.type) {
    if (type_atom[code] == 0) type_atom[code] = impl.Atom(types[code].name);
  }

  KeyOrdered sorted = key_ordered.get();
  std::vector<uint32_t>&order = sorted.order, &position = sorted.position, &source = sorted.source, &target = sorted.target;
  std::vector<uint32_t>&date = sorted.date, &line_document = sorted.line_document, &line_date = sorted.line_date;
  std::vector<uint8_t>& type = sorted.type;
  std::vector<int64_t>& line = sorted.line;
  Topology& topology = sorted.topology;
  // The image is encoded on another core while SQLite takes the rows.
  const Schema& schema = impl.schema;
  std::future<std::string> image = std::async(std::launch::async, [&topology, &schema] { return EncodeImage(topology, schema); });
  // Into a store without any relation row (a new one), the rows go to a temporary table of the
  // same definition first and are copied over in one statement: SQLite's transfer of a whole
  // table into an empty one fills every page, where inserts in key order leave an eighth of each
  // page empty.
  bool staged = false;
  if (n >= 1000 && QueryInt(db, "SELECT NOT EXISTS (SELECT 1 FROM relation_rows)") != 0) {
    Statement definition(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'relation_rows'");
    std::string sql = definition.Step() ? std::string(definition.Text(0)) : std::string();
    definition.Reset();
    if (sql.find('(') != std::string::npos) {
      db.Exec("PRAGMA temp.cache_size = -262144");
      db.Exec(("CREATE TEMP TABLE bulk_relation_rows" + sql.substr(sql.find('('))).c_str());
      staged = true;
    }
  }
  {
    const char* head = staged ? "INSERT INTO temp.bulk_relation_rows(source, type, target, weight, date, since, first_seen, "
                                "document, line, line_date) VALUES "
                              : "INSERT INTO main.relation_rows(source, type, target, weight, date, since, first_seen, "
                                "document, line, line_date) VALUES ";
    GroupedInsert insert_rows(db, head, 10, [&](Statement& insert, int base, uint32_t p) {
      insert.Bind(base + 1, atom_of[source[p]]).Bind(base + 2, type_atom[type[p]]).Bind(base + 3, atom_of[target[p]]);
      BindWeight(insert, base + 4, topology.weight[p]);
      insert.BindStatic(base + 5, bulk.texts[date[p]]).Bind(base + 6, impl.head).Bind(base + 7, impl.today);
      uint32_t document = line_document[p];
      if (document != BulkRelations::kNoLine) {
        insert.Bind(base + 8, text_atom[document]).Bind(base + 9, line[p]).BindStatic(base + 10, bulk.texts[line_date[p]]);
      } else {
        insert.BindNull(base + 8).BindNull(base + 9).BindNull(base + 10);
      }
    });
    for (uint32_t p = 0; p < n; ++p) insert_rows.Add(p);
    insert_rows.Flush();
  }
  // The documents the rows cite by line (line_documents), and the rows' properties.
  for (uint32_t p = 0; p < n; ++p) {
    uint32_t document = line_document[p];
    if (document != BulkRelations::kNoLine && text_atom[document] != impl.last_line_document) {
      impl.insert_line_document->Bind(1, text_atom[document]).Run();
      impl.last_line_document = text_atom[document];
    }
    if (!bulk.properties.empty()) {
      if (auto it = bulk.properties.find(order[p]); it != bulk.properties.end()) {
        impl.InsertRelationProperties(atom_of[source[p]], type_atom[type[p]], atom_of[target[p]], it->second);
      }
    }
  }
  if (staged) {
    db.Exec("INSERT INTO main.relation_rows SELECT * FROM temp.bulk_relation_rows");
    db.Exec("DROP TABLE temp.bulk_relation_rows");
  }
  impl.RecreateRowIndexes(dropped, true);

  // Other evidence in key order, the lines' order within a key.
  std::vector<uint32_t> evidence_order(bulk.evidence.size());
  std::iota(evidence_order.begin(), evidence_order.end(), 0u);
  std::stable_sort(evidence_order.begin(), evidence_order.end(), [&](uint32_t a, uint32_t b) {
    return position[bulk.evidence[a].first] < position[bulk.evidence[b].first];
  });
  for (uint32_t e : evidence_order) {
    uint32_t r = bulk.evidence[e].first;
    impl.InsertEvidence(atom_of[bulk.source[r]], type_atom[bulk.type[r]], atom_of[bulk.target[r]], bulk.evidence[e].second);
  }
  impl.RecreateRowIndexes(dropped, false);

  // The working graph is exactly what was written: its image and counts come from the arrays.
  Statement put(db, "INSERT OR REPLACE INTO graph_images(version, image) VALUES (0, ?1)");
  put.BindBlob(1, image.get()).Run();
  if (impl.has_counts) {
    Counts counts;
    counts.entities = static_cast<int64_t>(bulk.ids.size());
    counts.relations = static_cast<int64_t>(n);
    counts.evidence = static_cast<int64_t>(bulk.evidence.size());
    for (uint32_t document : bulk.line_document) counts.evidence += document != BulkRelations::kNoLine;
    // Every document registered is cited by the evidence written, and no other is visible.
    counts.documents = static_cast<int64_t>(bulk.documents.size());
    if (!bulk.ids.empty()) counts.entities_by_kind[bulk.entity_kind] = counts.entities;
    for (uint8_t code : topology.type) ++counts.relations_by_type[types[code].name];
    impl.PutCounts(0, counts);
  }
  return true;
}

}  // namespace relgraph::store
