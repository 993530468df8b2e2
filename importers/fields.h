// Field validation shared by the CSV and JSON importers (private to importers/), so both
// formats accept and reject exactly the same values with the same words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "graph/graph.h"

namespace relgraph::importers {

// Text of a field: checked for control characters (tab and line breaks allowed only where
// multiline is true) and made NFC. `what` names the field in messages ("entity name").
// Single-line text (ids, names, aliases, types) is at most kMaxNameChars code points.
constexpr size_t kMaxNameChars = 1000;
std::string CleanText(std::string_view value, const SourcePos& pos, std::string_view what, bool multiline);

// A required text field: CleanText plus trimmed and non-empty.
std::string RequiredText(std::string_view value, const SourcePos& pos, std::string_view what);

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
// One alias: clean text without '|', which separates aliases in CSV.
std::string CheckedAlias(std::string_view value, const SourcePos& pos);
// Adds an alias unless the entity already has that name or alias (by match key).
void AddAlias(Entity* entity, std::string alias);

// JSON text of a string value, for Properties.
std::string JsonString(std::string_view text);

}  // namespace relgraph::importers
