#include "importers/fields.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

#include "common/text.h"

namespace relgraph::importers {
namespace {

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string CleanText(std::string_view value, const SourcePos& pos, std::string_view what, bool multiline) {
  bool ascii = true;
  for (char byte : value) {
    auto c = static_cast<unsigned char>(byte);
    bool allowed = c >= 0x20 || (multiline && (c == '\n' || c == '\r' || c == '\t'));
    if (!allowed || c == 0x7F) {
      ThrowInput(pos, "expected " + std::string(what) + " without control characters, found " + QuoteForMessage(value));
    }
    ascii = ascii && c < 0x80;
  }
  // ASCII that passed the loop above has no NUL, so it is valid UTF-8, and it is already NFC:
  // most fields of a large file skip both checks.
  if (!ascii) {
    if (auto problem = CheckUtf8(value)) {
      ThrowInput(pos, "expected " + std::string(what) + " in UTF-8, found " + problem->what);
    }
  }
  if (!multiline && value.size() > kMaxNameChars && CountCodePoints(value) > kMaxNameChars) {
    ThrowInput(pos, "expected " + std::string(what) + " of at most " + std::to_string(kMaxNameChars) + " characters, found " +
                        std::to_string(CountCodePoints(value)));
  }
  return ascii ? std::string(value) : ToNfc(value);
}

std::string RequiredText(std::string_view value, const SourcePos& pos, std::string_view what) {
  std::string text(TrimSpace(CleanText(value, pos, what, false)));
  if (text.empty()) ThrowInput(pos, "expected " + std::string(what) + ", found an empty field");
  return text;
}

std::string CheckedKind(std::string_view value, const SourcePos& pos, const Schema& schema) {
  std::string kind = AsciiLower(TrimSpace(value));
  if (!schema.HasKind(kind)) {
    ThrowInput(pos, "expected an entity kind (" + schema.KindNames() + "), found " + QuoteForMessage(value));
  }
  return kind;
}

std::string CheckedRelationType(std::string_view value, const SourcePos& pos, const Schema& schema) {
  std::string type = AsciiLower(TrimSpace(value));
  if (schema.FindRelation(type) == nullptr) {
    ThrowInput(pos, "expected a relation type (" + schema.RelationNames() + "), found " + QuoteForMessage(value));
  }
  return type;
}

double CheckedWeight(double weight, std::string_view text, const SourcePos& pos) {
  if (!std::isfinite(weight) || weight <= 0) {
    ThrowInput(pos, "expected a weight that is a finite number > 0, found " + QuoteForMessage(text));
  }
  return weight;
}

double ParseWeight(std::string_view text, const SourcePos& pos) {
  std::string_view trimmed = TrimSpace(text);
  if (trimmed.empty()) return 1.0;
  double weight = 0;
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), weight);
  if (ec != std::errc() || end != trimmed.data() + trimmed.size()) {
    ThrowInput(pos, "expected a weight that is a finite number > 0, found " + QuoteForMessage(text));
  }
  return CheckedWeight(weight, text, pos);
}

std::string CheckedDate(std::string_view value, const SourcePos& pos) {
  std::string_view date = TrimSpace(value);
  if (date.empty()) return "";
  if (auto problem = CheckDate(date)) ThrowInput(pos, *problem + ", found " + QuoteForMessage(value));
  return std::string(date);
}

double CheckedConfidence(double value, std::string_view text, const SourcePos& pos) {
  if (!std::isfinite(value) || value < 0 || value > 1) {
    ThrowInput(pos, "expected a confidence between 0 and 1, found " + QuoteForMessage(text));
  }
  return value;
}

std::string CheckedAlias(std::string_view value, const SourcePos& pos) {
  std::string alias(TrimSpace(CleanText(value, pos, "an alias", false)));
  if (alias.find('|') != std::string::npos) {
    ThrowInput(pos, "expected an alias without '|' (it separates aliases), found " + QuoteForMessage(value));
  }
  return alias;
}

void AddAlias(Entity* entity, std::string alias) {
  if (alias.empty()) return;
  std::string key = MatchKey(alias);
  if (key == MatchKey(entity->name)) return;
  for (const std::string& existing : entity->aliases) {
    if (MatchKey(existing) == key) return;
  }
  entity->aliases.push_back(std::move(alias));
}

std::string JsonString(std::string_view text) { return nlohmann::json(std::string(text)).dump(); }

}  // namespace relgraph::importers
