// Folds parsed batches into a graph: identity by entity id and by relation key, references
// resolved by id, name or alias, the same statement never recorded twice.
#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_set>

#include "common/text.h"
#include "importers/importers.h"

namespace relgraph::importers {
namespace {

// Resolves an entity reference of a relation record to an entity. A reference naming no
// entity creates one when options allow it; otherwise the error names the record's position.
EntityIndex ResolveReference(Graph* graph, const EntityLookup& lookup, const std::string& reference, const SourcePos& pos,
                             const std::string& pointer, std::string_view role, const MergeOptions& options,
                             ChangeSet* changes, ImportSummary* summary) {
  // An exact id wins alone (EntityLookup::Find's rule); checked first as it is the common case
  // in bulk files, and needs no list.
  if (auto exact = graph->FindEntity(reference)) return *exact;
  std::vector<EntityIndex> found = lookup.Find(reference);
  if (found.size() == 1) return found[0];
  if (found.empty() && !options.create_missing_kind.empty()) {
    // The reference is the new entity's name as written; its id is the same text with each run
    // of tabs and line breaks made one space, as ids hold no control character. No entity has
    // that id: it has the reference's match key, which matched nothing.
    std::string id;
    for (char c : reference) {
      bool control = c == '\t' || c == '\n' || c == '\r';
      if (!control) id += c;
      else if (id.empty() || id.back() != ' ') id += ' ';
    }
    EntityIndex created = graph->AddEntity({id, reference, options.create_missing_kind, {}, "", "", {}});
    changes->entities.push_back(graph->entities()[created]);
    ++summary->entities_added;
    return created;
  }
  std::string message;
  if (found.empty()) {
    message = "expected a known entity (id, name or alias) as " + std::string(role) + ", found " + QuoteForMessage(reference);
    std::vector<EntityIndex> near = lookup.Suggest(reference, 3);
    if (!near.empty()) {
      message += "; did you mean";
      for (size_t i = 0; i < near.size(); ++i) {
        const Entity& entity = graph->entities()[near[i]];
        message += (i == 0 ? " " : ", ") + QuoteForMessage(entity.name) + " (id " + entity.id + ")";
      }
      message += "?";
    } else {
      message += " (import its entity first, or in the same command)";
    }
  } else {
    message = "expected one entity as " + std::string(role) + ", found " + QuoteForMessage(reference) +
              " naming " + std::to_string(found.size()) + ": ";
    for (size_t i = 0; i < found.size(); ++i) {
      const Entity& entity = graph->entities()[found[i]];
      message += (i == 0 ? "" : ", ") + entity.id + " (" + ShowControls(entity.name) + ")";
    }
    message += "; use an id";
  }
  ThrowInput(pos, (pointer.empty() ? "" : pointer + "/" + std::string(role) + ": ") + message);
}

Entity MergedEntity(const Entity& existing, const Entity& incoming) {
  // Aliases are kept as written: spellings that differ only in case or width ("NAVER",
  // "Naver") are both kept; only the very same text is dropped.
  Entity merged = incoming;
  merged.aliases.clear();
  auto add = [&](const std::string& alias) {
    if (alias == merged.name) return;
    if (std::find(merged.aliases.begin(), merged.aliases.end(), alias) == merged.aliases.end()) merged.aliases.push_back(alias);
  };
  for (const std::string& alias : existing.aliases) add(alias);
  // A renamed entity keeps its old name as an alias, so old references still resolve.
  add(existing.name);
  for (const std::string& alias : incoming.aliases) add(alias);
  if (merged.country.empty()) merged.country = existing.country;
  if (merged.description.empty()) merged.description = existing.description;
  for (const auto& [key, value] : existing.properties) merged.properties.emplace(key, value);
  return merged;
}

}  // namespace

// A relation holds since its earliest stated date. Two statements of the same period at
// different precision ("2019" and "2019-07") keep the more precise one, not the shorter text.
std::string EarlierDate(const std::string& known, const std::string& stated) {
  if (stated.empty()) return known;
  if (known.empty()) return stated;
  if (known.starts_with(stated)) return known;
  if (stated.starts_with(known)) return stated;
  return std::min(known, stated);
}

Document DocumentFromReference(std::string_view reference) {
  Document document;
  document.id = std::string(reference);
  if (reference.starts_with("http://") || reference.starts_with("https://")) {
    document.url = document.id;
  } else if (reference.starts_with("file:")) {
    document.title = std::string(reference.substr(5));
  } else {
    document.title = document.id;
  }
  return document;
}

MergeLookups LookupsOf(const std::vector<ImportBatch>& batches) {
  // A bulk file repeats its names millions of times: distinct ones are kept through a hash set
  // (views into the batches), and only those are copied and sorted.
  std::unordered_set<std::string_view> references, documents;
  for (const ImportBatch& batch : batches) {
    for (const Document& document : batch.documents) documents.insert(document.id);
    for (const EntityRecord& record : batch.entities) references.insert(record.entity.id);
    for (const RelationRecord& record : batch.relations) {
      references.insert(record.relation.source);
      references.insert(record.relation.target);
      for (const Evidence& evidence : record.relation.evidence) documents.insert(evidence.document);
    }
  }
  MergeLookups lookups;
  lookups.entity_references.assign(references.begin(), references.end());
  lookups.document_ids.assign(documents.begin(), documents.end());
  std::sort(lookups.entity_references.begin(), lookups.entity_references.end());
  std::sort(lookups.document_ids.begin(), lookups.document_ids.end());
  return lookups;
}

ImportSummary Merge(Graph* graph, const std::vector<ImportBatch>& batches, ChangeSet* changes,
                    const MergeOptions& options) {
  ImportSummary summary;
  for (const ImportBatch& batch : batches) {
    for (const Document& document : batch.documents) {
      const Document* existing = graph->FindDocument(document.id);
      if (existing != nullptr && *existing == document) continue;
      if (existing == nullptr) ++summary.documents_added;
      graph->PutDocument(document);
      changes->documents.push_back(document);
    }
  }

  std::map<std::string, SourcePos> first_definition;
  for (const ImportBatch& batch : batches) {
    for (const EntityRecord& record : batch.entities) {
      const Entity& incoming = record.entity;
      auto [it, first] = first_definition.emplace(incoming.id, record.pos);
      if (!first) {
        ThrowInput(record.pos, (record.pointer.empty() ? "" : record.pointer + "/id: ") + "expected a new entity id, found " + QuoteForMessage(incoming.id) +
                                   " again (first defined at " + it->second.ToString() + ")");
      }
      if (auto index = graph->FindEntity(incoming.id)) {
        Entity merged = MergedEntity(graph->entities()[*index], incoming);
        if (merged == graph->entities()[*index]) continue;
        graph->ReplaceEntity(*index, merged);
        changes->entities.push_back(std::move(merged));
        ++summary.entities_updated;
      } else {
        graph->AddEntity(incoming);
        changes->entities.push_back(incoming);
        ++summary.entities_added;
      }
    }
  }

  // Room for every relation record being new: growing a million relations by doubling moves
  // each several times.
  size_t records = 0;
  for (const ImportBatch& batch : batches) records += batch.relations.size();
  graph->ReserveRelations(records);
  changes->new_relations.reserve(changes->new_relations.size() + records);
  changes->evidence.reserve(changes->evidence.size() + records);
  EntityLookup lookup(*graph);
  std::string known_document;  // the graph has it
  for (const ImportBatch& batch : batches) {
    for (const RelationRecord& record : batch.relations) {
      // The record's relation with its references resolved, without its evidence (added below).
      Relation incoming;
      incoming.type = record.relation.type;
      incoming.weight = record.relation.weight;
      incoming.date = record.relation.date;
      incoming.properties = record.relation.properties;
      EntityIndex source = ResolveReference(graph, lookup, record.relation.source, record.source_pos, record.pointer, "source",
                                            options, changes, &summary);
      EntityIndex target = ResolveReference(graph, lookup, record.relation.target, record.target_pos, record.pointer, "target",
                                            options, changes, &summary);
      incoming.source = graph->entities()[source].id;
      incoming.target = graph->entities()[target].id;
      RelationKey key = KeyOf(incoming, graph->schema());

      RelationIndex index;
      if (auto existing = graph->FindRelation(key)) {
        index = *existing;
        Relation& relation = graph->MutableRelation(index);
        std::vector<Evidence> evidence = std::move(relation.evidence);  // not part of the state compared
        relation.evidence.clear();
        Relation before = relation;
        if (record.weight_given) relation.weight = incoming.weight;
        relation.date = EarlierDate(relation.date, incoming.date);
        for (const auto& [name, value] : incoming.properties) relation.properties[name] = value;
        if (!(relation == before)) {
          changes->relations.push_back(relation);
          ++summary.relations_updated;
        }
        relation.evidence = std::move(evidence);
      } else {
        index = graph->AddRelation(std::move(incoming), source, target);
        changes->new_relations.push_back(graph->relations()[index]);
        ++summary.relations_added;
      }

      for (const Evidence& item : record.relation.evidence) {
        Relation& relation = graph->MutableRelation(index);
        bool known = std::any_of(relation.evidence.begin(), relation.evidence.end(), [&](const Evidence& have) { return SameStatement(have, item); });
        if (known) continue;
        // Rows of one file cite one document: look it up once per run of the same id.
        if (item.document != known_document && graph->FindDocument(item.document) == nullptr) {
          Document document = DocumentFromReference(item.document);
          graph->PutDocument(document);
          changes->documents.push_back(std::move(document));
          ++summary.documents_added;
        }
        known_document = item.document;
        relation.evidence.push_back(item);
        changes->evidence.emplace_back(key, item);
        ++summary.evidence_added;
      }
    }
  }
  return summary;
}

}  // namespace relgraph::importers
