// Field validation shared by the CSV and JSON importers (private to importers/), so both
// formats accept and reject exactly the same values with the same words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "graph/graph.h"

namespace relgraph::importers {

// What a text field may hold (contract, "Text fidelity"). Every field refuses NUL and the
// control characters U+0001-U+001F (but tab, LF and CR where allowed), U+007F and U+0080-U+009F.
enum class TextRule {
  kKey,   // ids, kinds, types, codes: no control character at all; at most kMaxNameChars
  kLine,  // names, aliases, references, documents: tab, LF and CR kept; at most kMaxNameChars
  kText,  // descriptions, sentences, property values: tab, LF and CR kept; any length
};

// Text of a field: checked against its rule and made NFC. `what` names the field in messages
// ("an entity name"). Throws Error(kInput) at pos.
constexpr size_t kMaxNameChars = 1000;
std::string CleanText(std::string_view value, const SourcePos& pos, std::string_view what, TextRule rule);

// A required text field: CleanText plus trimmed (surrounding white space, line breaks
// included) and non-empty.
std::string RequiredText(std::string_view value, const SourcePos& pos, std::string_view what, TextRule rule);

// A kind from the schema (ASCII case-insensitive); error lists the known kinds.
std::string CheckedKind(std::string_view value, const SourcePos& pos, const Schema& schema);
// A relation type from the schema (ASCII case-insensitive); error lists the known types.
std::string CheckedRelationType(std::string_view value, const SourcePos& pos, const Schema& schema);
// A weight: finite, > 0. `text` is how it was written, for the message.
double CheckedWeight(double weight, std::string_view text, const SourcePos& pos);
// Parses a weight written as text; empty means the default 1.
double ParseWeight(std::string_view text, const SourcePos& pos);
// A date (YYYY, YYYY-MM, YYYY-MM-DD) or empty.
std::string CheckedDate(std::string_view value, const SourcePos& pos);
// A confidence in [0, 1].
double CheckedConfidence(double value, std::string_view text, const SourcePos& pos);
// One alias: clean text (TextRule::kLine), trimmed, without '|', which separates aliases in CSV.
std::string CheckedAlias(std::string_view value, const SourcePos& pos);
// Adds an alias unless the entity already has that name or alias (by match key). The article
// importer's rule: names found in text are not worth keeping in two spellings.
void AddAlias(Entity* entity, std::string alias);
// Adds an alias as written unless it is empty or the entity has exactly that name or alias
// (both in NFC). The rule for aliases users write (CSV, JSON): "NAVER" and "Naver" are both kept;
// lookups fold them to one key anyway.
void AddWrittenAlias(Entity* entity, std::string alias);
// Checks that every string inside a JSON property value (keys and values, at any depth) obeys
// TextRule::kText. Throws Error(kInput) at pos.
void CheckPropertyText(std::string_view json_text, const SourcePos& pos);

// JSON text of a string value, for Properties.
std::string JsonString(std::string_view text);

}  // namespace relgraph::importers
