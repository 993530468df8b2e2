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

std::string CleanText(std::string_view value, const SourcePos& pos, std::string_view what, TextRule rule) {
  const bool breaks = rule != TextRule::kKey;
  auto refuse = [&] {
    ThrowInput(pos, "expected " + std::string(what) + " without control characters, found " + QuoteForMessage(value));
  };
  bool ascii = true;
  for (char byte : value) {
    auto c = static_cast<unsigned char>(byte);
    bool allowed = c >= 0x20 || (breaks && (c == '\n' || c == '\r' || c == '\t'));
    if (!allowed || c == 0x7F) refuse();
    ascii = ascii && c < 0x80;
  }
  // ASCII that passed the loop above has no NUL, so it is valid UTF-8, and it is already NFC:
  // most fields of a large file skip both checks.
  if (!ascii) {
    if (auto problem = CheckUtf8(value)) {
      ThrowInput(pos, "expected " + std::string(what) + " in UTF-8, found " + problem->what);
    }
    // C1 controls U+0080-U+009F are C2 80 to C2 9F in UTF-8 (well-formed, checked above).
    for (size_t i = 0; i + 1 < value.size(); ++i) {
      if (static_cast<unsigned char>(value[i]) == 0xC2 && static_cast<unsigned char>(value[i + 1]) <= 0x9F) refuse();
    }
  }
  if (rule != TextRule::kText && value.size() > kMaxNameChars && CountCodePoints(value) > kMaxNameChars) {
    ThrowInput(pos, "expected " + std::string(what) + " of at most " + std::to_string(kMaxNameChars) + " characters, found " +
                        std::to_string(CountCodePoints(value)));
  }
  return ascii ? std::string(value) : ToNfc(value);
}

std::string RequiredText(std::string_view value, const SourcePos& pos, std::string_view what, TextRule rule) {
  std::string text(TrimSpace(CleanText(value, pos, what, rule)));
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
  std::string alias(TrimSpace(CleanText(value, pos, "an alias", TextRule::kLine)));
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

void AddWrittenAlias(Entity* entity, std::string alias) {
  if (alias.empty() || alias == entity->name) return;
  for (const std::string& existing : entity->aliases) {
    if (existing == alias) return;
  }
  entity->aliases.push_back(std::move(alias));
}

namespace {

void CheckJsonStrings(const nlohmann::json& value, const SourcePos& pos) {
  if (value.is_string()) {
    CleanText(value.get_ref<const std::string&>(), pos, "a property value", TextRule::kText);
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      CleanText(key, pos, "a property value", TextRule::kText);
      CheckJsonStrings(member, pos);
    }
  } else if (value.is_array()) {
    for (const auto& member : value) CheckJsonStrings(member, pos);
  }
}

}  // namespace

void CheckPropertyText(std::string_view json_text, const SourcePos& pos) {
  // Only strings can hold a control character; most property values have no backslash escape
  // and no raw control byte, and those need no parse.
  bool suspicious = false;
  for (char byte : json_text) {
    auto c = static_cast<unsigned char>(byte);
    suspicious = suspicious || byte == '\\' || c < 0x20 || c == 0x7F || c == 0xC2;
  }
  if (!suspicious) return;
  CheckJsonStrings(nlohmann::json::parse(json_text), pos);
}

std::string JsonString(std::string_view text) { return nlohmann::json(std::string(text)).dump(); }

}  // namespace relgraph::importers
