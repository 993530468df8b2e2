// The relation rules of data/triggers.json, parsed once per process.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

#include "common/error.h"
#include "common/text.h"
#include "data/embedded.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// ---- Rule set -----------------------------------------------------------------------------

namespace {

std::vector<std::string> ExpandKinds(const nlohmann::json& list) {
  std::vector<std::string> kinds;
  for (const auto& item : list) {
    std::string kind = item.get<std::string>();
    if (kind == "org" || kind == "agent") kinds.insert(kinds.end(), kOrgKinds.begin(), kOrgKinds.end());
    if (kind == "agent") kinds.push_back("person");
    if (kind != "org" && kind != "agent") kinds.push_back(kind);
  }
  return kinds;
}

// A noun trigger before its preposition is written in the plural too: "stake in" also reads
// "stakes in", "subsidiary of" "subsidiaries of" (inserted where the trigger stands, so a noun
// trigger stays among the nouns).
void AddEnglishPlurals(Rule* rule) {
  static const std::vector<std::string> kPrepositions = {"in", "of", "into", "with", "for", "from", "to"};
  std::vector<std::string> triggers;
  size_t nouns = 0;
  for (size_t t = 0; t < rule->triggers.size(); ++t) {
    const std::string& word = rule->triggers[t];
    triggers.push_back(word);
    if (t < rule->noun_triggers) ++nouns;
    const size_t last_space = word.rfind(' ');
    if (last_space == std::string::npos || !Contains(kPrepositions, std::string_view(word).substr(last_space + 1))) continue;
    const size_t space_before = last_space == 0 ? std::string::npos : word.rfind(' ', last_space - 1);
    const size_t noun_begin = space_before == std::string::npos ? 0 : space_before + 1;
    const std::string noun = word.substr(noun_begin, last_space - noun_begin);
    const bool letters = noun.size() >= 3 && std::all_of(noun.begin(), noun.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters || noun.ends_with("s") || noun.ends_with("ed") || noun.ends_with("ing") || noun == "out" || noun == "off") continue;
    const bool consonant_y = noun.ends_with("y") && std::string_view("aeiou").find(noun[noun.size() - 2]) == std::string_view::npos;
    const std::string plural = consonant_y ? noun.substr(0, noun.size() - 1) + "ies" : noun + "s";
    const std::string written = word.substr(0, noun_begin) + plural + word.substr(last_space);
    if (std::find(rule->triggers.begin(), rule->triggers.end(), written) != rule->triggers.end()) continue;
    triggers.push_back(written);
    if (t < rule->noun_triggers) ++nouns;
  }
  rule->triggers = std::move(triggers);
  rule->noun_triggers = nouns;
}

}  // namespace

RuleSet ParseRuleSet(std::string_view json_text) {
  RuleSet set;
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json_text);
    for (const auto& item : root.at("rules")) {
      Rule rule;
      rule.name = item.at("name").get<std::string>();
      rule.type = item.at("type").get<std::string>();
      rule.lang = ParseLang(item.at("lang").get<std::string>());
      rule.confidence = item.value("confidence", 0.8);
      for (const auto& word : item.value("triggers", nlohmann::json::array())) rule.triggers.push_back(ToNfc(word.get<std::string>()));
      size_t nouns = rule.triggers.size();
      for (const auto& word : item.value("verbs", nlohmann::json::array())) rule.triggers.push_back(ToNfc(word.get<std::string>()));
      rule.noun_triggers = nouns;
      for (const auto& word : item.value("exclude", nlohmann::json::array())) rule.exclude.push_back(ToNfc(word.get<std::string>()));
      for (const auto& frame : item.at("frames")) rule.frames.push_back({frame.at(0).get<std::string>(), frame.at(1).get<std::string>()});
      rule.source_kinds = ExpandKinds(item.value("source_kinds", nlohmann::json::array()));
      rule.target_kinds = ExpandKinds(item.value("target_kinds", nlohmann::json::array()));
      rule.carry_topic = item.value("carry_topic", rule.lang != Lang::kEnglish);
      rule.states_raiser = item.value("states_raiser", false);
      rule.genitive_reach = item.value("genitive_reach", size_t{0});
      for (const auto& word : item.value("context_after", nlohmann::json::array())) rule.context_after.push_back(ToNfc(word.get<std::string>()));
      for (const auto& word : item.value("context_before", nlohmann::json::array())) rule.context_before.push_back(ToNfc(word.get<std::string>()));
      // English is matched against the lower-cased sentence: its trigger words are kept lower-cased.
      if (rule.lang == Lang::kEnglish) {
        for (std::string& word : rule.triggers) word = Lower(word);
        for (std::string& word : rule.exclude) word = Lower(word);
        AddEnglishPlurals(&rule);
      }
      set.rules.push_back(std::move(rule));
    }
    for (auto [code, lang] : {std::pair{"ko", Lang::kKorean}, std::pair{"zh", Lang::kChinese}, std::pair{"en", Lang::kEnglish}}) {
      int index = LangIndex(lang);
      for (const auto& title : root.at("titles").at(code)) {
        std::string word = ToNfc(title.at(0).get<std::string>());
        std::string lower = lang == Lang::kEnglish ? Lower(word) : word;
        set.titles[index].push_back({std::move(word), title.at(1).get<std::string>(), std::move(lower)});
      }
      std::sort(set.titles[index].begin(), set.titles[index].end(),
                [](const Title& a, const Title& b) { return a.word.size() > b.word.size(); });
      for (const auto& word : root.at("org_suffixes").at(code)) set.org_suffixes[index].push_back(ToNfc(word.get<std::string>()));
      std::sort(set.org_suffixes[index].begin(), set.org_suffixes[index].end(),
                [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      for (const auto& word : root.at("org_cues").at(code)) set.org_cues[index].push_back(ToNfc(word.get<std::string>()));
      for (const auto& word : root.at("product_cues").at(code)) {
        set.product_cues[index].push_back(lang == Lang::kEnglish ? Lower(word.get<std::string>()) : ToNfc(word.get<std::string>()));
      }
      for (const auto& pair : root.at("anaphors").at(code)) {
        std::string pattern = ToNfc(pair.at(0).get<std::string>());
        // A gap needs an opening to search for ("the … startup"), or the search would not advance.
        if (pattern.starts_with("…")) throw Error(ErrorKind::kInternal, "data/triggers.json: anaphor '" + pattern + "' opens with a gap");
        set.anaphors[index].emplace_back(std::move(pattern), pair.at(1).get<std::string>());
      }
      // Word lists per language: NFC, and lower-cased for English where the reader matches the
      // lower-cased sentence.
      const bool english = lang == Lang::kEnglish;  // a structured binding cannot be captured before C++20's clang 16
      const char* lang_code = code;
      auto list = [&root, lang_code](const char* key) { return root.value(key, nlohmann::json::object()).value(lang_code, nlohmann::json::array()); };
      for (auto [key, target, lower] : {std::tuple{"pair_anaphors", &set.pair_anaphors[index], true}, std::tuple{"time_words", &set.time_words[index], false},
                                        std::tuple{"adverbs", &set.adverbs[index], false}, std::tuple{"surnames", &set.surnames[index], false},
                                        std::tuple{"person_followers", &set.person_followers[index], false},
                                        std::tuple{"title_modifiers", &set.title_modifiers[index], false}, std::tuple{"honorifics", &set.honorifics[index], false},
                                        std::tuple{"courtesy_titles", &set.courtesy_titles[index], false},
                                        std::tuple{"bound_suffixes", &set.bound_suffixes[index], false},
                                        std::tuple{"post_verbs", &set.post_verbs[index], false},
                                        std::tuple{"legal_name_words", &set.legal_name_words[index], false},
                                        std::tuple{"affiliate_nouns", &set.affiliate_nouns[index], false},
                                        std::tuple{"unit_suffixes", &set.unit_suffixes[index], false}, std::tuple{"title_heads", &set.title_heads[index], false},
                                        std::tuple{"title_predicate_tails", &set.title_predicate_tails[index], false},
                                        std::tuple{"list_cues", &set.list_cues[index], false},
                                        std::tuple{"name_end_words", &set.name_end_words[index], false},
                                        std::tuple{"relative_verbs", &set.relative_verbs[index], false},
                                        std::tuple{"subsidiary_nouns", &set.subsidiary_nouns[index], false},
                                        std::tuple{"raiser_cues", &set.raiser_cues[index], false},
                                        std::tuple{"clause_openers", &set.clause_openers[index], false},
                                        std::tuple{"reporting_verbs", &set.reporting_verbs[index], false},
                                        std::tuple{"round_words", &set.round_words[index], false},
                                        std::tuple{"list_continuers", &set.list_continuers[index], true},
                                        std::tuple{"relational_nouns", &set.relational_nouns[index], true},
                                        std::tuple{"respectively", &set.respectively[index], true},
                                        std::tuple{"means_words", &set.means_words[index], false},
                                        std::tuple{"appointment_verbs", &set.appointment_verbs[index], false},
                                        std::tuple{"describing_tails", &set.describing_tails[index], false},
                                        std::tuple{"description_leads", &set.description_leads[index], false},
                                        std::tuple{"inclusion_words", &set.inclusion_words[index], false},
                                        std::tuple{"rival_words", &set.rival_words[index], true},
                                        std::tuple{"description_tails", &set.description_tails[index], false},
                                        std::tuple{"quote_verbs", &set.quote_verbs[index], true},
                                        std::tuple{"source_before", &set.source_before[index], true},
                                        std::tuple{"parent_nouns", &set.parent_nouns[index], true},
                                        std::tuple{"name_openers", &set.name_openers[index], false}}) {
        for (const auto& word : list(key)) target->push_back(english && lower ? Lower(word.get<std::string>()) : ToNfc(word.get<std::string>()));
      }
      set.short_name_openers[index] = set.name_openers[index];
      set.short_name_openers[index].insert(set.short_name_openers[index].end(), set.time_words[index].begin(), set.time_words[index].end());
      const std::string next_chars = ToNfc(root.value("person_next_chars", nlohmann::json::object()).value(code, std::string()));
      for (size_t at = 0; at < next_chars.size();) {
        char32_t cp = 0;
        at += DecodeAt(next_chars, at, &cp);
        set.person_next_chars[index].push_back(cp);
      }
      for (const char* key : {"given_names", "not_names"}) {
        auto& set_of = std::string_view(key) == "given_names" ? set.given_names[index] : set.not_names[index];
        for (const auto& word : root.value(key, nlohmann::json::object()).value(code, nlohmann::json::array())) set_of.insert(ToNfc(word.get<std::string>()));
      }
      const nlohmann::json hedges = root.value("hedges", nlohmann::json::object()).value(code, nlohmann::json::object());
      auto matched = [english](const nlohmann::json& word) { return english ? Lower(word.get<std::string>()) : ToNfc(word.get<std::string>()); };
      for (const auto& word : hedges.value("before", nlohmann::json::array())) set.hedges_before[index].push_back(matched(word));
      for (const auto& word : list("former")) set.former[index].push_back(matched(word));
      for (const auto& word : list("former_before")) set.former_before[index].push_back(matched(word));
      for (const auto& word : list("former_after")) set.former_after[index].push_back(matched(word));
      for (const auto& word : hedges.value("after", nlohmann::json::array())) set.hedges_after[index].push_back(matched(word));
    }
    const nlohmann::json words = root.value("words", nlohmann::json::object());
    for (auto [key, target] : {std::pair{"generic", &set.generic_words}, std::pair{"not_person_names", &set.not_person_names},
                               std::pair{"common_nouns", &set.common_nouns}, std::pair{"legal_forms", &set.legal_forms},
                               std::pair{"determiners", &set.determiners}, std::pair{"quantifiers", &set.quantifiers},
                               std::pair{"measure_units", &set.measure_units}, std::pair{"amount_units", &set.amount_units}}) {
      for (const auto& word : words.value(key, nlohmann::json::array())) target->insert(ToNfc(word.get<std::string>()));
    }
    for (const auto& word : words.value("figure_units", nlohmann::json::array())) set.figure_units.push_back(ToNfc(word.get<std::string>()));
    for (const auto& word : words.value("currency_codes", nlohmann::json::array())) set.currency_codes.push_back(word.get<std::string>());
    for (const auto& word : words.value("version_tiers", nlohmann::json::array())) set.version_tiers.push_back(ToNfc(word.get<std::string>()));
    const nlohmann::json suffix_kinds = root.value("org_suffix_kinds", nlohmann::json::object());
    for (const auto& [kind, suffixes] : suffix_kinds.items()) {
      for (const auto& suffix : suffixes) {
        std::string word = ToNfc(suffix.get<std::string>());
        bool listed = false;
        for (const auto& list : set.org_suffixes) listed = listed || std::find(list.begin(), list.end(), word) != list.end();
        if (!listed) throw Error(ErrorKind::kInternal, "data/triggers.json: org_suffix_kinds names '" + word + "', which is in no org_suffixes list");
        set.org_suffix_kinds[std::move(word)] = kind;
      }
    }
    const nlohmann::json endings = root.value("korean_endings", nlohmann::json::object());
    for (auto [key, bit] : {std::pair{"particles", 0}, std::pair{"verb_endings", 1}, std::pair{"adnominal", 2}, std::pair{"noun_endings", 3}, std::pair{"connectives", 4}}) {
      const std::string syllables = ToNfc(endings.value(key, std::string()));
      for (size_t at = 0; at < syllables.size();) {
        char32_t cp = 0;
        at += DecodeAt(syllables, at, &cp);
        set.korean_endings[bit].push_back(cp);
      }
    }
    for (const auto& word : root.value("participle_openers", nlohmann::json::object()).value("en", nlohmann::json::array())) {
      set.participle_openers.push_back(word.get<std::string>());
    }
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorKind::kInternal, std::string("data/triggers.json: ") + error.what());
  }
  for (size_t r = 0; r < set.rules.size(); ++r) {
    const Rule& rule = set.rules[r];
    for (size_t t = 0; t < rule.triggers.size(); ++t) {
      const std::string& word = rule.triggers[t];
      if (word.size() < 2) throw Error(ErrorKind::kInternal, "data/triggers.json: rule " + rule.name + " has a trigger shorter than two bytes");
      uint16_t key = static_cast<uint16_t>((static_cast<unsigned char>(word[0]) << 8) | static_cast<unsigned char>(word[1]));
      set.trigger_index[LangIndex(rule.lang)][key].push_back({static_cast<uint32_t>(r), static_cast<uint32_t>(t)});
    }
  }
  return set;
}

bool RuleSet::IsAmount(std::string_view text) const {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0])) == 0) return false;
  size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == ',' || c == ' ') {
      ++at;
      continue;
    }
    // The longest unit that starts here (units are a few characters: "달러", "美元", "billion").
    size_t unit = 0;
    for (size_t length = std::min<size_t>(text.size() - at, 12); length > 0 && unit == 0; --length) {
      if (amount_units.count(Lower(text.substr(at, length))) != 0) unit = length;
    }
    if (unit == 0) return false;
    at += unit;
  }
  return true;
}

bool RuleSet::IsAmountWords(std::string_view text) const {
  if (text.empty()) return false;
  for (size_t at = 0; at <= text.size();) {
    const size_t space = std::min(text.find(' ', at), text.size());
    if (amount_units.count(Lower(text.substr(at, space - at))) == 0) return false;
    at = space + 1;
  }
  return true;
}

bool RuleSet::EndsInKorean(std::string_view word, unsigned classes) const {
  if (word.empty()) return false;
  const char32_t last = CodePointBefore(word, word.size());
  for (unsigned bit = 0; bit < 5; ++bit) {
    if ((classes & (1U << bit)) != 0 && korean_endings[bit].find(last) != std::u32string::npos) return true;
  }
  return false;
}

const RuleSet& DefaultRuleSet() {
  static const RuleSet kRules = ParseRuleSet(data::TriggersJson());
  return kRules;
}

}  // namespace relgraph::importers::article
