// Names found by their place in the sentence: English capitalised runs and subjects of trigger
// verbs, persons coordinated with a known one, Korean subjects and the objects of Korean founding
// verbs. Chinese: article_names_chinese.cpp; lists: article_lists.cpp; anaphors:
// article_anaphors.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <unordered_set>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// English names nobody has taught us: a run of capitalised words ("Semantic Machines", "Bain
// Capital Ventures", "xAI", "TVG"). One capitalised word opening the sentence may be any word,
// so there a run needs two. A first name makes a two- or three-word run a person, an
// organisation suffix gives the kind, a product cue after it or a product verb before it makes
// it a product, anything else is a company. Places, months, nationalities and titles name
// nobody; a run next to a known name or a title is left to the rules that read those.
void Analysis::DiscoverCapitalisedNames() {
  if (lang_ != Lang::kEnglish) return;
  const auto& given = rules_.given_names[li_];
  const auto& not_names = rules_.not_names[li_];
  static const std::unordered_set<std::string_view> kTitleWords = {"chief", "vice", "senior", "executive", "managing", "founding", "president",
                                                                  "chairman", "chairwoman", "chair", "founder", "co-founder", "cofounder",
                                                                  "director", "professor", "minister", "head", "officer"};
  auto word_char = [&](size_t k) {
    unsigned char c = static_cast<unsigned char>(s_[k]);
    return std::isalnum(c) != 0 || c == '-' || c == '&' || c == '.' || c == '\'';
  };
  auto is_upper = [&](size_t k) { return k < s_.size() && IsAsciiUpper(static_cast<unsigned char>(s_[k])); };
  auto is_lower = [&](size_t k) { return k < s_.size() && std::islower(static_cast<unsigned char>(s_[k])) != 0; };
  size_t first_word = 0;
  while (first_word < s_.size() && std::isalnum(static_cast<unsigned char>(s_[first_word])) == 0) ++first_word;
  auto name_token = [&](std::string_view token) {
    if (token.size() < 2 || kTitleWords.count(Lower(token)) != 0 || IsOfficerAcronym(token) || not_names.count(std::string(token)) != 0) return false;
    bool caps = std::all_of(token.begin(), token.end(), [](char c) { return IsAsciiUpper(static_cast<unsigned char>(c)) || c == '&'; });
    if (caps && token.size() > 6) return false;
    return true;
  };
  // A dateline names a place, no party: "MANILA, Philippines – Microsoft announced ...".
  size_t dateline_end = 0;
  {
    size_t caps_end = first_word;
    while (caps_end < s_.size() && (IsAsciiUpper(static_cast<unsigned char>(s_[caps_end])) || s_[caps_end] == ' ' || s_[caps_end] == '.')) ++caps_end;
    const std::string_view rest = s_.substr(caps_end, std::min<size_t>(48, s_.size() - caps_end));
    size_t dash = std::string_view::npos;
    for (std::string_view mark : {" – ", " — ", " - ", " -- "}) dash = std::min(dash, rest.find(mark));
    if (caps_end - first_word >= 3 && rest.starts_with(",") && dash != std::string_view::npos) dateline_end = caps_end + dash + 1;
  }
  for (size_t i = dateline_end; i < s_.size();) {
    bool starts = (is_upper(i) || (is_lower(i) && is_upper(i + 1))) && (i == 0 || !word_char(i - 1));
    if (!starts) {
      ++i;
      continue;
    }
    // The run: tokens joined by one space (or " of ", "Bank of America").
    std::vector<std::pair<size_t, size_t>> tokens;
    size_t k = i;
    bool possessive = false;
    bool after_of = false;
    bool place_first = false;
    while (k < s_.size() && (is_upper(k) || (is_lower(k) && is_upper(k + 1)))) {
      size_t w = k;
      while (w < s_.size() && word_char(w)) ++w;
      std::string_view token = s_.substr(k, w - k);
      if (token.ends_with("'s") || token.ends_with("’s")) possessive = true, token.remove_suffix(2);
      bool plural_possessive = token.ends_with("s'") && w < s_.size() && s_[w] == ' ';  // "Teachers' Venture Growth"
      // (... also with a curly apostrophe: "Teachers’ Venture Growth".)
      if (!plural_possessive && token.ends_with("s") && s_.substr(w).starts_with("’ ") && is_upper(w + 4)) {
        w += 3;
        token = s_.substr(k, w - k);
        plural_possessive = true;
      }
      while (!plural_possessive && !token.empty() && (token.back() == '.' || token.back() == '\'' || token.back() == '-')) token.remove_suffix(1);
      // (A name before "-backed" ends at the hyphen: "Fin Capital-backed rival X".)
      if (const size_t hyphen = token.find('-'); hyphen != std::string_view::npos && hyphen > 0 && StartsAdjectivalSuffix(token.substr(hyphen + 1))) {
        token = token.substr(0, hyphen);
      }
      // (A place may follow "of" inside a name: "Bank of China International".)
      const bool place_after_of = after_of && token.size() >= 2 && not_names.count(std::string(token)) != 0;
      after_of = false;
      // (A place may open a run that an organisation suffix ends; see PlaceOpensName.)
      const bool opening_place = tokens.empty() && token.size() >= 2 && not_names.count(std::string(token)) != 0;
      place_first = place_first || opening_place;
      if (!name_token(token) && !place_after_of && !opening_place) break;
      tokens.emplace_back(k, k + token.size());
      if (possessive || k + token.size() != w) break;
      if (w + 1 < s_.size() && s_[w] == ' ' && (is_upper(w + 1) || (is_lower(w + 1) && is_upper(w + 2)))) {
        k = w + 1;
      } else if (s_.substr(w).starts_with(" of ") && is_upper(w + 4) && tokens.size() >= 1) {
        k = w + 4;
        after_of = true;
      } else {
        break;
      }
    }
    // A place of two words ("North Carolina", "South Korea") is one place, no name's start.
    if (tokens.size() >= 2 && not_names.count(std::string(s_.substr(tokens[0].first, tokens[1].second - tokens[0].first))) != 0) {
      std::string kind;
      if (tokens.size() < 4 || !HasOrgSuffix(s_.substr(tokens.front().first, tokens.back().second - tokens.front().first), li_, &kind)) {
        const size_t place_end = tokens[1].second;
        tokens.erase(tokens.begin(), tokens.begin() + 2);
        if (tokens.empty()) {
          i = place_end;
          continue;
        }
      }
    }
    std::string place_kind;
    if (place_first && (!PlaceOpensName(tokens.size() - 1) || !HasOrgSuffix(s_.substr(tokens.front().first, tokens.back().second - tokens.front().first), li_, &place_kind))) {
      // ... else the place is no part of the name ("US President X", "Hangzhou startup Y").
      const size_t place_end = tokens.front().second;
      tokens.erase(tokens.begin());
      if (tokens.empty()) {
        i = place_end;
        continue;
      }
    }
    size_t next = tokens.empty() ? i + 1 : tokens.back().second;
    // Trailing generic words ("Figure AI" keeps "AI"; a run of generic words alone is none).
    bool all_generic = std::all_of(tokens.begin(), tokens.end(), [&](auto t) { return GenericWords().count(s_.substr(t.first, t.second - t.first)) != 0; });
    // A word with a capital after its first letter ("OpenAI", "xAI") or an acronym is a name even
    // where it opens the sentence.
    // So is one followed by an apposition ("Quillo, a startup that ...", "Quillo, backed by ...") or
    // a possessive ("Quillo's chief executive").
    bool marked = false;
    if (!tokens.empty()) {
      std::string_view token = s_.substr(tokens.front().first, tokens.front().second - tokens.front().first);
      marked = std::any_of(token.begin() + 1, token.end(), [](char c) { return IsAsciiUpper(static_cast<unsigned char>(c)); }) || possessive;
      std::string_view rest = std::string_view(lower_).substr(tokens.back().second);
      if (rest.starts_with(", ")) {
        for (std::string_view word : {"a ", "an ", "the ", "which ", "one of "}) marked = marked || rest.substr(2).starts_with(word);
        for (std::string_view word : ParticipleOpeners()) marked = marked || rest.substr(2).starts_with(word);
      }
      // ... or a copula that says what kind of organisation it is: "Neysa is an AI cloud startup".
      for (std::string_view copula : {" is a ", " is an ", " was a ", " was an "}) {
        if (!rest.starts_with(copula)) continue;
        std::string_view description = rest.substr(copula.size());
        description = description.substr(0, std::min(description.find_first_of(",.;"), size_t{60}));
        for (std::string_view cut : {" in ", " based ", " that ", " which ", " with ", " from ", " founded "}) {
          size_t at = description.find(cut);
          if (at != std::string_view::npos) description = description.substr(0, at);
        }
        marked = marked || EndsInKindWord(description, rules_.org_cues[li_]);
      }
    }
    // (A label's colon opens a sentence too: "Why it matters: Bipedal robots ...".)
    const bool opens_sentence = !tokens.empty() && (tokens.front().first == first_word || s_.substr(0, tokens.front().first).ends_with(": "));
    // (A lone organisation suffix names nobody: "Yuen Kuan Moon, Group CEO of Singtel".)
    const bool lone_suffix = tokens.size() == 1 && Contains(rules_.org_suffixes[li_], s_.substr(tokens.front().first, tokens.front().second - tokens.front().first));
    if (tokens.empty() || all_generic || lone_suffix || (opens_sentence && tokens.size() < 2 && !marked)) {
      i = std::max(next, i + 1);
      continue;
    }
    i = std::max(next, i + 1);
    // Generic words open no name ("Chinese", "New"), unless an organisation suffix ends it
    // ("Open Chip Alliance", "National Robotics Institute").
    // ... nor do modifiers written with a hyphen: "NY-based Flatiron Health", "SoftBank-backed X".
    auto modifier = [&](std::string_view token) {
      size_t dash = token.rfind('-');
      return dash != std::string_view::npos && dash + 1 < token.size() &&
             std::all_of(token.begin() + static_cast<std::ptrdiff_t>(dash) + 1, token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    while (!tokens.empty() && IsDeterminer(s_.substr(tokens.front().first, tokens.front().second - tokens.front().first))) {
      tokens.erase(tokens.begin());
    }
    // "San Francisco-based BetterDoctor": everything up to the last modifier goes.
    for (size_t t = tokens.size(); t-- > 0;) {
      if (modifier(s_.substr(tokens[t].first, tokens[t].second - tokens[t].first))) {
        tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(t) + 1);
        break;
      }
    }
    if (tokens.empty()) continue;
    std::string suffix_kind;
    if (!HasOrgSuffix(std::string(s_.substr(tokens.front().first, tokens.back().second - tokens.front().first)), li_, &suffix_kind)) {
      while (!tokens.empty() && GenericWords().count(s_.substr(tokens.front().first, tokens.front().second - tokens.front().first)) != 0) {
        tokens.erase(tokens.begin());
      }
      if (tokens.empty()) continue;
    }
    size_t begin = tokens.front().first, end = tokens.back().second;
    std::string name(s_.substr(begin, end - begin));
    if (name.size() > 60 || not_names.count(name) != 0) continue;
    // A name found inside this longer one by its suffix alone ("Chip Alliance" in "Open Chip
    // Alliance") gives way to it.
    // So does a known alliance inside a longer one's name ("AI Alliance" in "Global Carrier AI
    // Alliance"): alliances are named after their field.
    if (!suffix_kind.empty()) {
      std::erase_if(mentions_, [&](const Mention& mention) {
        return mention.begin > begin && mention.end == end && mention.entity >= 0 &&
               (catalog_->at(mention.entity).discovered || (suffix_kind == "consortium" && Kind(mention.entity) == "consortium"));
      });
    }
    // A product named after its maker, set off after a product word: "Its chatbot, Humain Chat",
    // "an assistant called Nova Pilot" (the maker's name is part of the product's).
    {
      auto maker = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
        return mention.begin == begin && mention.end < end && mention.word_end < end && mention.entity >= 0 && IsOrg(mention.entity) && !mention.anaphor;
      });
      std::string cue = Lower(TrimSpace(s_.substr(begin >= 48 ? begin - 48 : 0, std::min<size_t>(begin, 48))));
      for (std::string_view link : {",", " called", " named", " dubbed"}) {
        if (cue.ends_with(link)) cue.resize(cue.size() - link.size());
      }
      const bool covered = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
        return mention.begin > begin && mention.begin < end;
      });
      if (maker != mentions_.end() && !covered && EndsInKindWord(cue, rules_.product_cues[li_])) {
        mentions_.erase(maker);
        AddMention(MentionWithParticles(begin, end, Discover(name, "product", {}, "")));
        continue;
      }
    }
    // Next to a known name ("Volvo Autonomous Solutions") or a title: other rules read it.
    bool touches = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
      return mention.begin <= end + 1 && begin <= mention.word_end + 1;
    });
    if (touches) continue;
    std::string before = Lower(TrimSpace(s_.substr(begin >= 24 ? begin - 24 : 0, std::min<size_t>(begin, 24))));
    std::string after = Lower(TrimSpace(s_.substr(end, 32)));
    bool title_near = false;
    // ... a title in an apposition after it ("X, chief executive of ..."), not one a verb governs
    // ("X, led by CEO Y": Y holds it).
    std::string_view apposition = after.starts_with(",") ? TrimSpace(std::string_view(after).substr(1)) : std::string_view();
    for (const Title& title : rules_.titles[li_]) {
      const std::string& word = title.lower;
      size_t at = apposition.find(word);
      // ("X, the company's co-founder", "X, Salesforce's chief scientist": a possessor before the title.)
      const std::string_view lead = at == std::string_view::npos ? std::string_view() : apposition.substr(0, at);
      const bool possessed = at != std::string_view::npos && at < 40 && std::count(lead.begin(), lead.end(), ' ') <= 3 &&
                             (lead.ends_with("'s ") || lead.ends_with("’s ")) && lead.find_first_of(",;") == std::string_view::npos;
      title_near = title_near || before.ends_with(word) || (at < 8 && !apposition.substr(0, at).ends_with("by ")) || possessed;
    }
    // ... or an officer's acronym ("CMO X", "X, CMO of ...").
    {
      std::string_view raw_before = TrimSpace(s_.substr(0, begin));
      size_t space = raw_before.find_last_of(" ,");
      std::string_view raw_after = TrimSpace(s_.substr(end));
      raw_after = raw_after.starts_with(",") ? TrimSpace(raw_after.substr(1)) : std::string_view();
      title_near = title_near || IsOfficerAcronym(space == std::string_view::npos ? raw_before : raw_before.substr(space + 1)) ||
                   IsOfficerAcronym(raw_after.substr(0, raw_after.find_first_of(" ,.")));
    }
    std::string first_token(s_.substr(tokens.front().first, tokens.front().second - tokens.front().first));
    std::string kind;
    // A person: a known first name, or two or three words that "who" continues ("Mara
    // Lindqvist, who heads ...").
    bool who = std::string_view(after).starts_with(", who ") || std::string_view(after).starts_with(", whose ");
    // ... or a title the name is set off after ("TuSimple's president, Cheng Lu,") or given as
    // ("appointed Teresa Heitsenrether as its chief data officer").
    {
      std::string_view set_off = TrimSpace(std::string_view(before));
      const bool comma_before = set_off.ends_with(",");
      if (comma_before) set_off = TrimSpace(set_off.substr(0, set_off.size() - 1));
      std::string_view as = std::string_view(after).starts_with("as ") ? std::string_view(after).substr(3) : std::string_view();
      if (size_t space = as.find(' '); space != std::string_view::npos && IsDeterminer(as.substr(0, space))) as.remove_prefix(space + 1);
      for (const std::string& modifier : rules_.title_modifiers[li_]) {
        if (as.starts_with(modifier)) as.remove_prefix(modifier.size());
      }
      for (const Title& title : rules_.titles[li_]) {
        who = who || (comma_before && set_off.ends_with(title.lower) && std::string_view(after).starts_with(",")) ||
              (!as.empty() && as.starts_with(title.lower));
      }
    }
    // ... or a courtesy word before them ("Dr. Brin Tosh").
    bool honored = std::any_of(rules_.honorifics[li_].begin(), rules_.honorifics[li_].end(), [&](const std::string& word) { return s_.substr(0, begin).ends_with(word); });
    if (tokens.size() >= 2 && tokens.size() <= 3 && (given.count(first_token) != 0 || who || honored) && suffix_kind.empty()) {
      kind = "person";
    } else if (title_near) {
      continue;
    } else if (!HasOrgSuffix(name, li_, &kind)) {
      kind = "company";
      for (const std::string& cue : rules_.product_cues[li_]) kind = std::string_view(after).starts_with(cue) ? "product" : kind;
      // An apposition that says what it is: "Quillo Chat, a chatbot", "X, an AI coding assistant".
      for (std::string_view article : {", a ", ", an "}) {
        if (!std::string_view(after).starts_with(article)) continue;
        std::string_view rest = std::string_view(after).substr(article.size());
        rest = rest.substr(0, rest.find_first_of(",.;("));
        // A short description whose last word, its head noun, is a product's.
        std::string_view head = rest.substr(rest.rfind(' ') == std::string_view::npos ? 0 : rest.rfind(' ') + 1);
        if (std::count(rest.begin(), rest.end(), ' ') > 3) continue;
        for (const std::string& cue : rules_.product_cues[li_]) kind = head == Lower(cue) ? "product" : kind;
      }
      for (std::string_view verb : {"launched", "released", "unveiled", "introduced", "debuted", "open-sourced"}) {
        if (before.ends_with(verb)) kind = "product";
      }
    }
    int entity = catalog_->FindByName(name);
    if (entity < 0) entity = Discover(Written(name), kind, {}, name);
    AddMention(MentionWithParticles(begin, end, entity));
  }
}

// Whether a description ends in a word that says what the name after it is ("privately held
// artificial intelligence company", "AI application development platform", "AI 칩셋",
// "大语言模型"), compared lower-cased: English cue words whole (or plural), Korean and Chinese cues
// as endings.
bool Analysis::EndsInKindWord(std::string_view description, const std::vector<std::string>& cues) const {
  std::string_view text = TrimSpace(description);
  // Whether text ends in word, ASCII letters compared without case (no allocation: this runs
  // for every candidate argument).
  auto ends_with = [&](std::string_view word, size_t extra) {
    if (text.size() < word.size() + extra) return false;
    std::string_view tail = text.substr(text.size() - word.size() - extra, word.size());
    for (size_t k = 0; k < word.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(tail[k])) != std::tolower(static_cast<unsigned char>(word[k]))) return false;
    }
    return true;
  };
  for (const std::string& cue : cues) {
    if (lang_ != Lang::kEnglish) {
      if (ends_with(cue, 0)) return true;
      continue;
    }
    // English: the whole word, or its plural.
    for (size_t plural : {size_t{0}, size_t{1}}) {
      if (plural == 1 && (text.empty() || (text.back() != 's' && text.back() != 'S'))) continue;
      if (!ends_with(cue, plural)) continue;
      size_t start = text.size() - cue.size() - plural;
      if (start == 0 || text[start - 1] == ' ') return true;
    }
  }
  return false;
}

bool Analysis::EndsInAnyKindWord(std::string_view description) const {
  return EndsInKindWord(description, rules_.product_cues[li_]) || EndsInKindWord(description, rules_.org_cues[li_]);
}

// A name just discovered as a company that the text says is a product: English, after a
// product word ("its language model, LaMDA", "a chatbot called Bard"); Chinese, when its own
// clause says so ("X是京东开源的一款大语言模型").
void Analysis::RefineDiscoveredKinds() {
  // Chinese: "X是京东开源的一款…大语言模型": what X is, said in its own clause.
  if (lang_ == Lang::kChinese) {
    for (const Mention& mention : mentions_) {
      if (mention.entity < 0 || !catalog_->at(mention.entity).discovered || Kind(mention.entity) != "company") continue;
      std::string_view rest = s_.substr(mention.end);
      if (!rest.starts_with("是")) continue;
      size_t clause_end = std::min({rest.find("，"), rest.find("。"), rest.find(','), rest.find("；"), rest.size()});
      std::string_view clause = rest.substr(0, clause_end);
      if (clause.find("的") == std::string_view::npos) continue;
      for (const std::string& cue : rules_.product_cues[li_]) {
        if (clause.ends_with(cue)) catalog_->SetDiscoveredKind(mention.entity, "product");
      }
    }
    return;
  }
  if (lang_ != Lang::kEnglish) return;
  for (const Mention& mention : mentions_) {
    if (mention.entity < 0 || !catalog_->at(mention.entity).discovered || Kind(mention.entity) != "company") continue;
    std::string before = Lower(s_.substr(mention.begin >= 40 ? mention.begin - 40 : 0, std::min<size_t>(mention.begin, 40)));
    while (!before.empty() && (before.back() == '"' || before.back() == '\'' || before.back() == ' ')) before.pop_back();
    if (before.ends_with("\xe2\x80\x9c")) before.resize(before.size() - 3);  // “
    // (... or right after it: "its chip Trainium2", "development platform Bedrock".)
    for (std::string_view link : {",", " called", " named", " dubbed", " known as", ""}) {
      if (!before.ends_with(link)) continue;
      if (EndsInKindWord(before.substr(0, before.size() - link.size()), rules_.product_cues[li_])) catalog_->SetDiscoveredKind(mention.entity, "product");
    }
    // "Sanghi, who heads the startup": "who" continues a person's name. (The rule runs before
    // the sentence's relations, and the kind holds for the rest of the article.)
    const std::string_view after = std::string_view(lower_).substr(mention.word_end);
    std::string suffix_kind;
    if ((after.starts_with(", who ") || after.starts_with(", whose ")) && !HasOrgSuffix(catalog_->at(mention.entity).entity.name, li_, &suffix_kind)) {
      catalog_->SetDiscoveredKind(mention.entity, "person");
      continue;
    }
    // "the company behind Pendra", "the team behind Pendra": what a maker is behind is its product.
    if (before.ends_with(" behind")) {
      std::string_view maker = std::string_view(before).substr(0, before.size() - 7);
      if (EndsInKindWord(maker, rules_.org_cues[li_]) || maker.ends_with(" team")) catalog_->SetDiscoveredKind(mention.entity, "product");
    }
  }
}

// Korean sentences whose unknown subject is said to be an organisation: "아스테로모프는 …
// 인공지능 스타트업이다" (a copula after an organisation word ends the sentence) or "아스테로모프는 …
// 투자를 유치했다" (only an organisation raises money). The subject opens the sentence, carries a
// topic or subject particle and has three syllables or more (shorter ones are mostly common nouns).
void Analysis::DiscoverKoreanSubjects() {
  if (lang_ != Lang::kKorean) return;
  size_t begin = SkipSpaces(s_, 0);
  // (After an outlet's tag: "[파이낸셜뉴스] X는", "(서울=뉴스1) X는".)
  begin = s_.size() - AfterBracketed(s_.substr(begin)).size();
  // The subject opens the sentence, or follows the relative clause that describes it: "지난해
  // SK텔레콤에서 스핀아웃한 마키나락스는 … 스타트업이다" (then only with the topic particle).
  std::string_view first = s_.substr(begin, RunEnd(s_, begin, IsHangulOrAlnum) - begin);
  const bool opens = first.ends_with("은") || first.ends_with("는") || first.ends_with("이") || first.ends_with("가");
  for (size_t at = begin, words = 0; !opens && at < s_.size() && words < 12; ++words) {
    const size_t end = RunEnd(s_, at, IsHangulOrAlnum);
    if (end == at || end >= s_.size() || s_[end] != ' ') break;
    const size_t next = SkipSpaces(s_, end);
    if (rules_.EndsInKorean(s_.substr(at, end - at), kAdnominalEnding) && !Overlaps(next, RunEnd(s_, next, IsHangulOrAlnum))) {
      std::string_view word = s_.substr(next, RunEnd(s_, next, IsHangulOrAlnum) - next);
      if (word.ends_with("은") || word.ends_with("는")) {
        begin = next;
        break;
      }
    }
    at = next;
  }
  const size_t run_end = RunEnd(s_, begin, IsHangulOrAlnum);
  if (run_end == begin || run_end >= s_.size() || s_[run_end] != ' ' || Overlaps(begin, run_end)) return;
  // What the rest of the sentence says the subject is.
  std::string_view rest = TrimSpace(s_.substr(run_end));
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.remove_suffix(1);
  bool organisation = rest.find("투자를 유치") != std::string_view::npos || rest.find("투자 유치에 성공") != std::string_view::npos;
  for (std::string_view copula : {"이다", "다", "이며", "으로", "로"}) {
    if (organisation || !rest.ends_with(copula)) continue;
    organisation = EndsInKindWord(rest.substr(0, rest.size() - copula.size()), rules_.org_cues[li_]);
  }
  if (!organisation) return;
  // The name ends where its particles start: "아스테로모프는".
  std::string_view word = s_.substr(begin, run_end - begin);
  for (std::string_view particle : {"은", "는", "이", "가"}) {
    if (!word.ends_with(particle)) continue;
    std::string name(word.substr(0, word.size() - particle.size()));
    if (CountCodePoints(name) < 3 || CommonNouns().count(name) != 0 || NotNames().count(name) != 0 || GenericWords().count(name) != 0) return;
    if (rules_.EndsInKorean(name, kVerbEnding | kAdnominalEnding | kNounEnding) || EndsInAnyKindWord(name)) return;
    TitleMatch title;
    if (ParseTitles(begin, &title)) return;
    for (const Rule& rule : rules_.rules) {
      if (rule.lang != lang_) continue;
      for (const std::string& trigger : rule.triggers) {
        if (name.find(trigger) != std::string::npos) return;
      }
    }
    int entity = catalog_->FindByName(name);
    // ... or the first word of an organisation named before: "라이트스피드" after "라이트스피드
    // 벤처파트너스".
    for (auto it = discourse_->recent.rbegin(); entity < 0 && it != discourse_->recent.rend(); ++it) {
      if (!IsOrg(*it)) continue;
      const Entity& known = catalog_->at(*it).entity;
      if (known.name.starts_with(name + " ") ||
          std::any_of(known.aliases.begin(), known.aliases.end(), [&](const std::string& alias) { return alias.starts_with(name + " "); })) {
        entity = *it;
      }
    }
    if (entity < 0) entity = Discover(Written(name), "company", {}, "");
    if (entity >= 0) AddMention(MentionWithParticles(begin, begin + name.size(), entity));
    return;
  }
}

// English names the gazetteer does not know, where the sentence shows they are names: the
// subject right before a trigger verb ("iGenius counts ...", "Zeta Robotics had raised ..."),
// and a capitalised name coordinated with a known person ("Mustafa Suleyman and Karen Simonyan").
void Analysis::DiscoverEnglishSubjects() {
  if (lang_ != Lang::kEnglish) return;
  static const std::unordered_set<std::string_view> kNotNames = {
      "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I", "Its", "In", "On", "At", "As", "After",
      "Before", "When", "While", "Meanwhile", "However", "But", "And", "Also", "Last", "Earlier", "Today", "Now", "Then", "Under",
      "According", "With", "For", "From", "By", "Since", "Separately", "Still", "Yet", "Both", "All", "Some", "Many", "Most",
      "Others", "Investors", "Backers", "Partners", "Members", "Customers", "Shareholders", "Analysts", "Officials", "Sources"};
  auto word_start_before = [&](size_t end) {
    size_t start = end;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(s_[start - 1])) != 0 || s_[start - 1] == '-' || s_[start - 1] == '.' || s_[start - 1] == '&')) --start;
    return start;
  };
  auto is_name_word = [&](size_t start, size_t end) {
    if (start >= end) return false;
    std::string_view word = s_.substr(start, end - start);
    bool upper = IsAsciiUpper(static_cast<unsigned char>(word[0]));
    bool camel = word.size() >= 3 && std::islower(static_cast<unsigned char>(word[0])) != 0 && IsAsciiUpper(static_cast<unsigned char>(word[1]));
    // ("Capital-backed" is a modifier: its name ends at the hyphen.)
    const size_t hyphen = word.find('-');
    if (hyphen != std::string_view::npos && StartsAdjectivalSuffix(word.substr(hyphen + 1))) return false;
    return (upper || camel) && kNotNames.count(word) == 0 && GenericWords().count(word) == 0;
  };
  // Subjects of triggers.
  for (const Rule& rule : rules_.rules) {
    if (rule.lang != lang_) continue;
    for (const std::string& trigger : rule.triggers) {
      const std::string& needle = trigger;  // lower-cased
      for (size_t at = lower_.find(needle); at != std::string::npos; at = lower_.find(needle, at + 1)) {
        if (at < 2 || s_[at - 1] != ' ' || (at + needle.size() < s_.size() && std::isalpha(static_cast<unsigned char>(s_[at + needle.size()])) != 0)) continue;
        size_t end = at - 1;
        // Auxiliaries between the subject and the verb.
        for (std::string_view aux : {" has", " had", " have", " was", " is", " will", " also", " has also", " had also"}) {
          if (std::string_view(lower_).substr(0, end).ends_with(aux)) end -= aux.size();
        }
        size_t start = word_start_before(end);
        if (!is_name_word(start, end)) continue;
        // One to three capitalised words, from the clause's start or after a comma.
        size_t name_begin = start;
        for (int words = 1; words < 3 && name_begin > 1 && s_[name_begin - 1] == ' '; ++words) {
          size_t earlier = word_start_before(name_begin - 1);
          if (!is_name_word(earlier, name_begin - 1)) break;
          name_begin = earlier;
        }
        bool clause_start = name_begin == 0 || s_.substr(0, name_begin).ends_with(", ") || s_.substr(0, name_begin).ends_with("; ");
        if (!clause_start || Overlaps(name_begin, end)) continue;
        // A word that opens a longer trigger is no name: "Backers include" is one cue.
        bool opens_trigger = false;
        for (const Rule& other : rules_.rules) {
          if (other.lang != lang_) continue;
          for (const std::string& phrase : other.triggers) {
            opens_trigger = opens_trigger || (phrase.size() > needle.size() && std::string_view(lower_).substr(name_begin).starts_with(phrase));
          }
        }
        if (opens_trigger) continue;
        std::string name(s_.substr(name_begin, end - name_begin));
        if (name.size() < 2 || name.find(' ') == std::string::npos ? name.size() < 3 : false) continue;
        std::string kind;
        HasOrgSuffix(name, li_, &kind);
        int entity = Discover(Written(name), kind.empty() ? "company" : kind, {}, name);
        AddMention(MentionWithParticles(name_begin, end, entity));
      }
    }
  }
  // Persons coordinated with a known person.
  std::vector<Mention> found;
  for (const Mention& mention : mentions_) {
    if (mention.entity < 0 || !IsPerson(mention.entity)) continue;
    size_t begin = mention.word_end;
    if (!lower_.substr(begin).starts_with(" and ")) continue;
    begin += 5;
    size_t end = begin;
    int words = 0;
    while (words < 3 && end < s_.size() && IsAsciiUpper(static_cast<unsigned char>(s_[end]))) {
      size_t word_end = end;
      while (word_end < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[word_end])) != 0 || s_[word_end] == '-')) ++word_end;
      if (!is_name_word(end, word_end)) break;
      ++words;
      size_t next = word_end;
      end = word_end;
      if (next + 1 < s_.size() && s_[next] == ' ' && IsAsciiUpper(static_cast<unsigned char>(s_[next + 1]))) end = next + 1;
      else break;
    }
    while (end > begin && s_[end - 1] == ' ') --end;
    if (words < 2 || Overlaps(begin, end)) continue;
    int entity = Discover(Written(std::string(s_.substr(begin, end - begin))), "person", {}, std::string(s_.substr(begin, end - begin)));
    if (IsPerson(entity)) found.push_back(MentionWithParticles(begin, end, entity));
  }
  for (Mention& mention : found) AddMention(std::move(mention));
}

// Korean "AI반도체 팹리스 뉴블라를 설립했다": the object of a founding verb, after a word that
// says what kind of organisation it is, is a new organisation.
void Analysis::DiscoverFoundedObjects() {
  if (lang_ != Lang::kKorean) return;
  for (const Rule& rule : rules_.rules) {
    bool takes_object = std::any_of(rule.frames.begin(), rule.frames.end(), [](const Frame& frame) { return frame.target == "object"; });
    if (rule.lang != lang_ || rule.type != "founded" || !takes_object) continue;
    for (const std::string& trigger : rule.triggers) {
      for (size_t at = s_.find(trigger); at != std::string_view::npos; at = s_.find(trigger, at + trigger.size())) {
        std::string_view before = s_.substr(0, at);
        if (!before.ends_with("를 ") && !before.ends_with("을 ")) continue;
        size_t stem_end = at - 4;  // the particle and the space
        size_t begin = RunStart(s_, stem_end, IsHangulOrAlnum);
        if (begin < 2 || !IsSpace(s_[begin - 1]) || Overlaps(begin, stem_end)) continue;
        std::string stem(s_.substr(begin, stem_end - begin));
        size_t points = CountCodePoints(stem);
        if (points < 2 || points > 10 || std::isdigit(static_cast<unsigned char>(stem[0])) != 0 || CommonNouns().count(stem) != 0 ||
            NotNames().count(stem) != 0 || GenericWords().count(stem) != 0 || ContainsTitle(stem)) {
          continue;
        }
        size_t cue_end = begin - 1;
        size_t cue_begin = RunStart(s_, cue_end, IsHangulOrAlnum);
        std::string_view cue = s_.substr(cue_begin, cue_end - cue_begin);
        bool cued = std::any_of(rules_.org_cues[li_].begin(), rules_.org_cues[li_].end(), [&](const std::string& word) { return cue.ends_with(word); });
        if (!cued) continue;
        int entity = catalog_->FindByName(stem);
        if (entity < 0) entity = Discover(Written(stem), "company", {}, "");
        if (entity >= 0 && IsOrg(entity)) AddMention(MentionWithParticles(begin, stem_end, entity));
      }
    }
  }
}

}  // namespace relgraph::importers::article
