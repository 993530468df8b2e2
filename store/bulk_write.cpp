// Stage 2b of the store: a bulk import (graph/bulk.h) written into a store with nothing live,
// from its flat arrays: rows in key order, the graph image and counts from the same arrays.
#include <algorithm>
#include <numeric>

#include "common/error.h"
#include "store/image.h"
#include "store/internal.h"

namespace relgraph::store {

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
  for (const std::string& id : bulk.ids) impl.PutEntity(Entity{id, id, bulk.entity_kind, {}, "", "", {}});
  impl.today = TodayNumber();

  // Entities by id (the image's entity order), and each one's atom.
  std::vector<uint32_t> by_id(bulk.ids.size());
  std::iota(by_id.begin(), by_id.end(), 0u);
  std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) { return bulk.ids[a] < bulk.ids[b]; });
  std::vector<uint32_t> index_of(bulk.ids.size());
  std::vector<int64_t> atom_of(bulk.ids.size());
  for (uint32_t i = 0; i < by_id.size(); ++i) {
    index_of[by_id[i]] = i;
    atom_of[by_id[i]] = impl.Atom(bulk.ids[by_id[i]]);
  }
  const std::vector<RelationType>& types = impl.schema.relation_types();
  std::vector<uint32_t> rank_of_type = TypeRanks(impl.schema);
  std::vector<int64_t> type_atom(types.size(), 0);
  for (uint8_t code : bulk.type) {
    if (type_atom[code] == 0) type_atom[code] = impl.Atom(types[code].name);
  }

  // Key order: (source id, type name, target id), as the rows' key index and the image have it.
  struct Item {
    uint32_t source, type, target, relation;
    auto operator<=>(const Item&) const = default;
  };
  std::vector<Item> items(n);
  for (uint32_t r = 0; r < n; ++r) items[r] = {index_of[bulk.source[r]], rank_of_type[bulk.type[r]], index_of[bulk.target[r]], r};
  std::sort(items.begin(), items.end());

  Topology topology;
  topology.entity_ids.reserve(by_id.size());
  for (uint32_t id : by_id) topology.entity_ids.push_back(bulk.ids[id]);
  topology.source.reserve(n);
  topology.target.reserve(n);
  topology.type.reserve(n);
  topology.weight.reserve(n);
  std::vector<uint32_t> position(n);  // relation -> its place in key order
  Statement& insert = *impl.insert_relation;
  for (uint32_t p = 0; p < n; ++p) {
    uint32_t r = items[p].relation;
    position[r] = p;
    insert.Bind(1, atom_of[bulk.source[r]]).Bind(2, type_atom[bulk.type[r]]).Bind(3, atom_of[bulk.target[r]]);
    BindWeight(insert, 4, bulk.weight[r]);
    insert.Bind(5, bulk.texts[bulk.date[r]]).Bind(6, impl.head).Bind(7, impl.today);
    uint32_t document = bulk.line_document[r];
    if (document != BulkRelations::kNoLine) {
      insert.Bind(8, text_atom[document]).Bind(9, bulk.line[r]).Bind(10, bulk.texts[bulk.line_date[r]]);
      if (text_atom[document] != impl.last_line_document) {
        impl.insert_line_document->Bind(1, text_atom[document]).Run();
        impl.last_line_document = text_atom[document];
      }
    } else {
      insert.BindNull(8).BindNull(9).BindNull(10);
    }
    insert.Run();
    if (auto it = bulk.properties.find(r); it != bulk.properties.end()) {
      int64_t row = sqlite3_last_insert_rowid(db.handle());
      for (const auto& [name, value] : it->second) impl.insert_relation_property->Bind(1, row).Bind(2, name).Bind(3, value).Run();
    }
    topology.source.push_back(items[p].source);
    topology.target.push_back(items[p].target);
    topology.type.push_back(bulk.type[r]);
    topology.weight.push_back(bulk.weight[r]);
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
  put.BindBlob(1, EncodeImage(topology, impl.schema)).Run();
  impl.WriteCounts(0, std::nullopt, topology);
  return true;
}

}  // namespace relgraph::store
