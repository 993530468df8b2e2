// The helpers of the article importer's family tests (article_families*_test.cpp): each family
// runs on sentences written for the test (invented companies where the lexicon must not help,
// real ones where it should); Facts are "SOURCE relation TARGET" by name.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "importers/importers.h"

namespace relgraph::importers::families {

inline std::set<std::string> Facts(const std::string& text, const std::string& lang) {
  SourceFile file{"story.txt", text};
  ArticleOptions options;
  options.lang = lang;
  ImportBatch batch = ParseArticle(file, DefaultSchema(), options);
  std::map<std::string, std::string> names;
  for (const EntityRecord& record : batch.entities) names[record.entity.id] = record.entity.name;
  std::set<std::string> facts;
  for (const RelationRecord& record : batch.relations) {
    // Every relation names entities of the batch (else the import would be refused).
    EXPECT_EQ(names.count(record.relation.source), 1u) << "no entity " << record.relation.source;
    EXPECT_EQ(names.count(record.relation.target), 1u) << "no entity " << record.relation.target;
    facts.insert(names[record.relation.source] + " " + record.relation.type + " " + names[record.relation.target]);
  }
  return facts;
}

// Every expected fact is found; none of the forbidden ones is.
inline void Expect(const std::string& text, const std::string& lang, const std::set<std::string>& expected,
            const std::set<std::string>& forbidden = {}) {
  std::set<std::string> found = Facts(text, lang);
  std::string all;
  for (const std::string& fact : found) all += "\n  " + fact;
  // Symmetric relations hold either way round.
  auto count = [&](const std::string& fact) {
    size_t n = found.count(fact);
    for (std::string_view type : {" partners_with ", " competes_with "}) {
      size_t at = fact.find(type);
      if (at != std::string::npos) n += found.count(fact.substr(at + type.size()) + std::string(type) + fact.substr(0, at));
    }
    return n;
  };
  for (const std::string& fact : expected) EXPECT_GE(count(fact), 1u) << "missing: " << fact << "\nfound:" << all;
  for (const std::string& fact : forbidden) EXPECT_EQ(count(fact), 0u) << "wrong: " << fact << "\nfound:" << all;
}

}  // namespace relgraph::importers::families
