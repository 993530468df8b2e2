// The sentence's structure around its names: coordinated lists, relative clauses and
// qualifiers, clause boundaries and English asides (the roles of names: article_markers.cpp).
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

// A Korean clause whose subject is a word we do not know as a name ("정부는 ... 투입해") has
// not dropped its subject: the previous sentence's topic must not stand in for it.
bool Analysis::HasUnnamedSubject(const TriggerHit& hit, bool strict) const {
  if (lang_ == Lang::kChinese) {
    // Chinese: a run of characters opening the trigger's clause, before its first name or
    // marker, that is no time word or adverb: "目前人民中科已与…合作" (an unknown name).
    int clause = Clause(hit.begin);
    size_t begin = 0;
    while (begin < hit.begin && Clause(begin) != clause) ++begin;
    size_t end = hit.begin;
    for (const Mention& mention : mentions_) {
      if (mention.end > mention.begin && mention.begin >= begin && mention.begin < end) end = mention.begin;
    }
    std::string_view stretch = s_.substr(begin, end - begin);
    std::vector<std::string_view> openers = {"，", ",", "与", "和", "同"};
    openers.insert(openers.end(), rules_.time_words[li_].begin(), rules_.time_words[li_].end());
    openers.insert(openers.end(), rules_.adverbs[li_].begin(), rules_.adverbs[li_].end());
    for (bool stripped = true; stripped;) {
      stripped = false;
      for (std::string_view word : openers) {
        if (stretch.starts_with(word)) stretch.remove_prefix(word.size()), stripped = true;
        if (stretch.ends_with(word)) stretch.remove_suffix(word.size()), stripped = true;
      }
    }
    size_t han = 0;
    for (size_t i = 0; i < stretch.size();) {
      char32_t cp = 0;
      i += DecodeAt(stretch, i, &cp);
      if (!IsHan(cp)) return false;  // digits, dates, Latin: no name here
      ++han;
    }
    return han >= 3;
  }
  if (lang_ != Lang::kKorean) return false;
  int clause = Clause(hit.begin);
  for (size_t i = 0; i < hit.begin;) {
    size_t end = RunEnd(s_, i, [](char32_t cp) { return IsHangul(cp); });
    if (end == i) {
      char32_t cp = 0;
      i += DecodeAt(s_, i, &cp);
      continue;
    }
    std::string_view word = s_.substr(i, end - i);
    bool marked = CountCodePoints(word) >= 2 && (word.ends_with("는") || word.ends_with("은") || word.ends_with("께서") ||
                                                 (strict && (word.ends_with("이") || word.ends_with("가"))));
    if (marked && Clause(i) == clause && !Overlaps(i, end) && (i == 0 || !IsHangulOrAlnum(CodePointBefore(s_, i)))) return true;
    i = end;
  }
  return false;
}

void Analysis::FindQuotes() const {
  if (quotes_found_) return;
  quotes_found_ = true;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < s_.size();) {
    char32_t cp = 0;
    const size_t at = i;
    i += std::max<size_t>(1, DecodeAt(s_, i, &cp));
    const bool opens = cp == U'“' || cp == U'「' || (cp == '"' && open == std::string_view::npos);
    const bool closes = cp == U'”' || cp == U'」' || (cp == '"' && open != std::string_view::npos);
    if (opens && open == std::string_view::npos) {
      open = at;
    } else if (closes && open != std::string_view::npos) {
      quote_spans_.emplace_back(open, i);
      open = std::string_view::npos;
    }
  }
  unclosed_quote_ = open;
}

int Analysis::QuoteOf(size_t pos) const {
  FindQuotes();
  // (Spans are in text order and never overlap: the last one opening at or before pos.)
  auto after = std::upper_bound(quote_spans_.begin(), quote_spans_.end(), pos, [](size_t at, const std::pair<size_t, size_t>& span) { return at < span.first; });
  if (after == quote_spans_.begin()) return -1;
  --after;
  return pos < after->second ? static_cast<int>(after - quote_spans_.begin()) : -1;
}

bool Analysis::InsideQuote(size_t pos) const {
  if (QuoteOf(pos) >= 0) return true;
  return unclosed_quote_ != std::string_view::npos && pos > unclosed_quote_;
}

void Analysis::AddPersonGroup(int mention_index, Role role) {
  for (Group& group : groups_) {
    for (int member : group.members) {
      if (member == mention_index) {
        if (group.role == Role::kNone) group.role = role;
        return;
      }
    }
  }
  Group group;
  group.members.push_back(mention_index);
  group.role = role;
  group.begin = mentions_[static_cast<size_t>(mention_index)].begin;
  group.end = mentions_[static_cast<size_t>(mention_index)].word_end;
  auto at = std::find_if(groups_.begin(), groups_.end(), [&](const Group& other) { return other.begin > group.begin; });
  int index = static_cast<int>(at - groups_.begin());
  groups_.insert(at, group);
  // Groups after the new one moved up by one.
  for (int& of : group_of_) {
    if (of >= index) ++of;
  }
  if (static_cast<size_t>(mention_index) >= group_of_.size()) group_of_.resize(static_cast<size_t>(mention_index) + 1, -1);
  group_of_[static_cast<size_t>(mention_index)] = index;
}

// English asides: ", an AI company that competes with OpenAI," and "(...)": a name inside is
// no argument of a trigger outside ("Cohere, ... competes with Microsoft-backed OpenAI, said it
// raised money from Nvidia").
// English: a possessive right after the name ("OpenAI's ", "Norma Labs' ").
bool Analysis::PossessiveAfter(const Mention& mention) const {
  std::string_view after = s_.substr(mention.end);
  bool plural = mention.end > 0 && s_[mention.end - 1] == 's' && (after.starts_with("' ") || after.starts_with("’ "));
  return plural || after.starts_with("'s ") || after.starts_with("’s ");
}

void Analysis::FindAsides() {
  if (lang_ != Lang::kEnglish) return;
  for (size_t comma = s_.find(", "); comma != std::string_view::npos; comma = s_.find(", ", comma + 1)) {
    bool opener = false;
    for (std::string_view word : {"a ", "an ", "the ", "which ", "who ", "whose ", "that ", "one of ", "now ", "also ", "then "}) {
      opener = opener || lower_.substr(comma + 2).starts_with(word);
    }
    for (std::string_view word : ParticipleOpeners()) opener = opener || lower_.substr(comma + 2).starts_with(word);
    // "Anthropic, OpenAI's close rival, ...": a possessive apposition.
    for (const Mention& mention : mentions_) {
      if (mention.begin == comma + 2 && PossessiveAfter(mention)) opener = true;
    }
    if (!opener) continue;
    size_t close = s_.find(',', comma + 2);
    // A relative clause may run to the end of the sentence: "..., which was founded by X."
    bool relative = lower_.substr(comma + 2).starts_with("which ") || lower_.substr(comma + 2).starts_with("who ");
    // ... and so may an apposition to a name: "... to run Articul8, a new AI company formed by X.",
    // "... with Grok, the marquee product of xAI."
    bool named = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) { return EndsRightBefore(mention.word_end, comma) && mention.entity >= 0; });
    bool apposition = named && (lower_.substr(comma + 2).starts_with("a ") || lower_.substr(comma + 2).starts_with("an ") ||
                                lower_.substr(comma + 2).starts_with("the "));
    if (close == std::string_view::npos && (relative || apposition)) close = s_.size();
    if (close == std::string_view::npos) continue;
    asides_.emplace_back(comma + 1, close);
  }
}

int Analysis::AsideOf(size_t begin, size_t end) const {
  for (size_t a = 0; a < asides_.size(); ++a) {
    if (begin >= asides_[a].first && end <= asides_[a].second) return static_cast<int>(a);
  }
  return -1;
}

// Coordinated lists: "A, B 및 C가", "A와 B는", "A、B和C", "A, B and C". A list takes the role
// of its last member in Korean (the particle closes the list) and of its first in Chinese and
// English (the preposition opens it).
// Whether a list could go on or end after the name: a comma, "and", "or", a closing bracket or
// the sentence's end follow it.
bool Analysis::ListItemEnds(const Mention& mention) const {
  const std::string_view rest = std::string_view(lower_).substr(SkipSpaces(s_, mention.word_end));
  return rest.empty() || rest.starts_with(",") || rest.starts_with(".") || rest.starts_with(";") || rest.starts_with(")") || rest.starts_with("(") ||
         rest.starts_with("and ") || rest.starts_with("or ");
}

void Analysis::BuildGroups() {
  group_of_.assign(mentions_.size(), -1);
  // A name that qualifies the next one stands outside lists; the list runs on from the name it
  // qualifies. The organisation before a title and its holder ("테슬라 최고경영자 일론 머스크",
  // "Google co-founder Sergey Brin": "A사 대표 X, B사 창업자 Y 등" and "by A's CEO X and B
  // partner Y" list the persons); Chinese: the owner in "A、B旗下C、D" (A, C and D are the list).
  std::vector<bool> qualifies(mentions_.size(), false);
  for (size_t i = 0; i + 1 < mentions_.size(); ++i) {
    const Mention& name = mentions_[i];
    const Mention& next = mentions_[i + 1];
    if (name.entity < 0 || !IsOrg(name.entity) || next.entity < 0) continue;
    TitleMatch match;
    bool titled_person = IsPerson(next.entity) && ParseTitles(name.word_end, &match) && SkipSpaces(s_, match.end) == next.begin;
    if (lang_ == Lang::kKorean) {
      qualifies[i] = (name.role == Role::kNone && name.particles.empty() && titled_person && match.tail.empty()) ||
                     name.unit_at == next.begin;
    } else if (lang_ == Lang::kEnglish) {
      // ... and the parent in "A, Alphabet's Google and B" (Google is the member).
      qualifies[i] = titled_person || PossessiveUnit(name, next);
    } else {
      qualifies[i] = name.role == Role::kGenitive && s_.substr(name.end).starts_with("旗下") && next.begin == name.word_end;
      // "蔚来电池供应商卫蓝新能源", "星河的子公司云岫": a short description that ends in a relational
      // noun (data/triggers.json "relational_nouns") says whose the next name is.
      if (next.begin > name.word_end && next.begin - name.word_end <= 8 * 3) {
        const std::string_view between = s_.substr(name.word_end, next.begin - name.word_end);
        const bool han = RunEnd(between, 0, IsHanChar) == between.size() && !between.starts_with("和") && !between.starts_with("与") &&
                         !between.starts_with("及") && !between.starts_with("、");
        // (Not where a rule reads the noun itself: "清华大学全资子公司X" is 子公司's.)
        const bool trigger = std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) { return hit.begin >= name.word_end && hit.end <= next.begin; });
        qualifies[i] = qualifies[i] || (han && !trigger && EndsWithAny(between, rules_.relational_nouns[li_]));
      }
    }
  }
  for (size_t i = 0; i < mentions_.size(); ++i) {
    bool join = false;
    size_t before = i - 1;
    if (i >= 2 && qualifies[i - 1] && !qualifies[i - 2]) before = i - 2;
    if (i > 0 && !qualifies[i]) {
      const Mention& previous = mentions_[before];
      size_t until = before + 1 < i ? mentions_[before + 1].begin : mentions_[i].begin;
      std::string_view between = TrimSpace(s_.substr(previous.word_end, until - std::min(previous.word_end, until)));
      // A bracket after a member does not end a list: "A (a subsidiary of X) and B", "A（X旗下子公司）、B".
      std::string unbracketed;
      if (lang_ != Lang::kKorean && (between.starts_with("(") || between.starts_with("（"))) {
        unbracketed = OutsideBrackets(between, U"");
        between = TrimSpace(unbracketed);
      }
      // A share after a member does not end a list: "SKT 62.5%, SK하이닉스 25%", "A持股5%、B".
      {
        size_t digits = 0;
        while (digits < between.size() && (std::isdigit(static_cast<unsigned char>(between[digits])) != 0 || between[digits] == '.')) ++digits;
        if (digits > 0 && between.substr(digits).starts_with("%")) between = TrimSpace(between.substr(digits + 1));
      }
      if (previous.word_end <= mentions_[i].begin) {
        // One unnamed item inside a list ("카카오, 통신3사, KAIST") does not end it.
        bool unnamed_item = between.size() > 2 && between.size() <= 20 && (between.front() == ',' || between.starts_with("、")) &&
                            (between.back() == ',' || between.ends_with("、")) &&
                            TrimSpace(between.substr(1, between.size() - 2)).find(' ') == std::string_view::npos;
        if (lang_ == Lang::kKorean) {
          // Names side by side without a comma are no list ("브래드 스미스 MS 부회장"), but list
          // bullets are ("▲산업은행(300억원) ▲퀀텀벤처스(15억원)").
          const std::string bare = OutsideBrackets(between, U" ▲■●△▶");
          bool bulleted = between.find("▲") != std::string_view::npos || between.find("■") != std::string_view::npos ||
                          between.find("●") != std::string_view::npos || between.find("△") != std::string_view::npos;
          // (An amount after a bulleted item is no word of the list: "▲산업은행 20억원 ▲네이버 8억원".)
          const bool amount_only = rules_.IsAmount(bare);
          bool separator = between == "," || between == "·" || between == "、" || between == "/" || between == "-" || between == "및" ||
                           between == ", 및" || between == "그리고" || unnamed_item || (bulleted && (bare.empty() || bare == "," || amount_only));
          // "A와 벤처캐피털 B가": a word saying what the next member is does not end the list.
          const auto& cues = rules_.org_cues[li_];
          // (... nor does a place: "레인보우로보틱스와 미국 보스턴다이내믹스를".)
          // (... nor a short description that ends in one: "A와 전자상거래 업체 B는".)
          bool described = std::find(cues.begin(), cues.end(), between) != cues.end() ||
                           (previous.role == Role::kWith && NotNames().count(between) != 0 && between.find(' ') == std::string_view::npos) ||
                           (previous.role == Role::kWith && std::count(between.begin(), between.end(), ' ') <= 2 &&
                            between.find_first_of(",()'\"") == std::string_view::npos && EndsInKindWord(between, cues));
          // ... nor does a short description after a comma: "A, 지도 개발 업체 B, 미국 AI 스타트업 C에".
          if (between.starts_with(",") && !separator) {
            std::string_view description = TrimSpace(between.substr(1));
            bool plain = !description.empty() && std::count(description.begin(), description.end(), ' ') <= 3 &&
                         description.find_first_of(",()") == std::string_view::npos;
            for (size_t start = 0; plain && start < description.size();) {
              size_t space = description.find(' ', start);
              if (space == std::string_view::npos) space = description.size();
              std::string_view word = description.substr(start, space - start);
              plain = !rules_.EndsInKorean(word, kVerbEnding) || EndsInKindWord(word, cues);
              start = space + 1;
            }
            separator = plain && EndsInKindWord(description, cues);
          }
          join = (separator && previous.role == Role::kNone) || (previous.role == Role::kWith && (between.empty() || described));
          // "박성현 대표와 오진욱 CTO 등이": persons joined after their titles.
          {
            TitleMatch title;
            if (previous.entity >= 0 && IsPerson(previous.entity) && mentions_[i].entity >= 0 && IsPerson(mentions_[i].entity) &&
                ParseTitles(previous.word_end, &title) && (title.tail == "와" || title.tail == "과") && SkipSpaces(s_, title.end) == mentions_[i].begin) {
              join = true;
            }
          }
          // "KT를 비롯한 현대중공업지주, KAIST는": the first name leads the list.
          // (... also with a description of the next: "A를 비롯해 미국 금융사 B".)
          for (std::string_view lead : {"비롯한", "비롯해", "포함한", "포함해"}) {
            if (previous.role != Role::kObject || !between.starts_with(lead)) continue;
            const std::string_view rest = TrimSpace(between.substr(lead.size()));
            const bool described_next = rest.empty() || (std::count(rest.begin(), rest.end(), ' ') <= 2 && rest.find(',') == std::string_view::npos &&
                                                         EndsInKindWord(rest, rules_.org_cues[li_]));
            if (described_next) join = true;
          }
          if (previous.role == Role::kWith && (between.empty() || described) && !(previous.particles == "와" || previous.particles == "과")) join = false;
        } else if (lang_ == Lang::kChinese) {
          // A gloss between two members does not end the list: "A基金(下称“A”),B创投和C基金".
          // (Quotes go, and brackets closed from inside a gloss.)
          const std::string stripped = OutsideBrackets(between, U" “”\"'‘’)）");
          std::string_view bare = stripped;
          // "A、B等知名企业，C、D等高校以及E": lists of several kinds make one.
          if (bare.starts_with("等") && bare.size() <= 3 * 9) {
            for (std::string_view joiner : {"，", ",", "、", "以及", "和", "及"}) {
              std::string_view kind = bare.substr(3, bare.size() - 3 - (bare.ends_with(joiner) ? joiner.size() : bare.size()));
              // (A kind word is said: a bare "等，" ends the list and its clause.)
              if (bare.ends_with(joiner) && !kind.empty() && std::all_of(kind.begin(), kind.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; })) {
                bare = joiner == "，" || joiner == "," ? std::string_view("、") : joiner;
                break;
              }
            }
          }
          // "A、中银国际旗下B": an owner named before the next item qualifies it; the list goes on.
          for (std::string_view owned : {"旗下的", "旗下"}) {
            if (bare.starts_with("、") && bare.ends_with(owned) && bare.size() - 3 - owned.size() <= 3 * 8 && bare.size() > 3 + owned.size()) {
              bare = "、";
              break;
            }
          }
          // ("A及其旗下B": the parent and its unit, both members.)
          join = bare.empty() || bare == "、" || bare == "和" || bare == "与" || bare == "及" || bare == "以及" ||
                 bare == "，" || bare == "," || bare == "跟" || bare == "同" || unnamed_item || bare == "及其旗下" || bare == "及其旗下的" ||
                 bare == "和旗下" || bare == "及旗下";
          if (bare == "，" || bare == ",") join = join && previous.role == mentions_[i].role;
          // "亚马逊收购A,微软收购B": a name its own verb follows opens a clause of its own.
          // ("A收购B、C收购D": so does one after "、" when the name before it is the object of the
          // verb right before that name.)
          // ("获得A、B投资" is one list: the verbs are of different rules.)
          const size_t next = mentions_[i].word_end;
          const TriggerHit* verb_after = nullptr;
          for (const TriggerHit& hit : triggers_) {
            if (hit.begin == next && hit.rule != nullptr) verb_after = &hit;
          }
          const bool object_before = verb_after != nullptr && std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) {
            return hit.end == previous.begin && hit.rule == verb_after->rule;
          });
          if (bare == "，" || bare == "," || bare == "；" || bare == ";" || (bare == "、" && object_before)) join = join && verb_after == nullptr;
          // "网易旗下的考拉", "阿里巴巴的通义": the owner qualifies the name, it is no list.
          if (bare.empty() && previous.role == Role::kGenitive) join = false;
        } else {
          std::string lower = Lower(between);
          // "acquired LinkedIn in 2016 and GitHub in 2018": a dated list.
          for (std::string_view prefix : {"in ", "on "}) {
            if (lower.starts_with(prefix) && lower.size() > 8 && std::isdigit(static_cast<unsigned char>(lower[prefix.size()])) != 0) {
              size_t space = lower.find(' ', prefix.size());
              if (space != std::string::npos) lower = std::string(TrimSpace(std::string_view(lower).substr(space)));
            }
          }
          // "Advanced Micro Devices (AMD) and OpenAI": a gloss after an item keeps the list.
          if (lower.starts_with("(") && lower.find(')') != std::string::npos && lower.find(')') < 40) {
            lower = std::string(TrimSpace(std::string_view(lower).substr(lower.find(')') + 1)));
          }
          // "buying A for $700 million and B for $300 million": a price after an item.
          if (lower.starts_with("for ")) {
            for (std::string_view joiner : {", and", " and", ","}) {
              if (!lower.ends_with(joiner)) continue;
              size_t at = lower.size() - joiner.size();
              std::string amount = lower.substr(4, at - 4);
              for (std::string_view unit : {"million", "billion", "trillion", "bn"}) {
                size_t found = amount.find(unit);
                if (found != std::string::npos) amount.erase(found, unit.size());
              }
              bool figure = std::any_of(amount.begin(), amount.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
                            amount.find_first_not_of("0123456789.,$ ") == std::string::npos;
              if (figure) lower = std::string(TrimSpace(joiner));
              break;
            }
          }
          // "Nvidia, China's Huawei, and Google", "Kroger, The Traton Group and Navistar", "CN
          // Rail, US Xpress": an article, a place or a place's possessive before an item keeps
          // the list.
          for (std::string_view joiner : {", ", ", and ", "and ", ", as well as "}) {
            if (!lower.starts_with(joiner) || lower.size() == joiner.size()) continue;
            std::string_view place = std::string_view(between).substr(joiner.size());
            if (lower.ends_with("'s")) place.remove_suffix(2);
            else if (lower.ends_with("’s")) place.remove_suffix(std::string_view("’s").size());
            // (An article only before an item that a list goes on or ends after: not "..., the
            // Abu Dhabi Media Office said".)
            const bool article = (place == "The" || place == "the") && ListItemEnds(mentions_[i]);
            if (rules_.not_names[li_].count(std::string(place)) != 0 || article) lower = std::string(TrimSpace(joiner));
          }
          // "SK Telecom, Deutsche Telekom, e& and Singtel": one name the text alone gives, written
          // with a symbol or digit, does not end the list.
          for (std::string_view joiner : {" and", ","}) {
            const std::string_view raw = TrimSpace(between);
            if (!raw.starts_with(",") || !raw.ends_with(joiner) || raw.size() <= 1 + joiner.size()) continue;
            const std::string_view item = TrimSpace(raw.substr(1, raw.size() - 1 - joiner.size()));
            const bool marked = std::any_of(item.begin(), item.end(), [](char c) { return c == '&' || c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0; });
            if (!item.empty() && item.size() <= 12 && item.find(' ') == std::string_view::npos && marked) lower = std::string(TrimSpace(joiner));
          }
          join = lower == "," || lower == "and" || lower == ", and" || lower == "&" || lower == "as well as" || lower == "or" || lower == ", as well as";
          // "Anthropic, OpenAI's close rival, ...": a possessive after a comma opens an apposition.
          if (lower == "," && PossessiveAfter(mentions_[i])) join = false;
          // A list closed by "and" takes no more names after a comma: "founded by A, B and C,
          // DeepMind uses ...".
          if (lower == "," && group_of_[before] >= 0) {
            const Group& open = groups_[static_cast<size_t>(group_of_[before])];
            std::string span = " " + Lower(s_.substr(open.begin, previous.word_end - std::min(previous.word_end, open.begin))) + " ";
            // (Not when "and" opens a description of the rest: "A and co-investors B, C, and D".)
            size_t and_at = span.find(" and ");
            // (span is lower-cased and opens with a space: the word after "and" is read in s_.)
            const size_t after_and = open.begin + and_at + 4;
            const bool described_rest = and_at != std::string::npos && after_and < s_.size() && std::islower(static_cast<unsigned char>(s_[after_and])) != 0 &&
                                        std::string_view(lower_).substr(mentions_[i].word_end).find(", and ") != std::string_view::npos;
            if (open.members.size() >= 2 && !described_rest && (and_at != std::string::npos || span.find(" or ") != std::string::npos)) join = false;
          }
          // "Microsoft, Bill Gates, and new investor NVIDIA": a short lower-case description;
          // a longer one that ends in a kind word ("and Kutcher-backed venture capital firm X").
          // (So may a comma or "as well as": "GM, Honda, software provider Microsoft", "Honda as
          // well as investment manager T Rowe Price".)
          std::string_view opener;
          for (std::string_view joiner : {", and ", "and ", ", as well as ", "as well as ", ", "}) {
            if (opener.empty() && lower.starts_with(joiner)) opener = joiner;
          }
          if (!join && !opener.empty()) {
            std::string_view rest = std::string_view(lower).substr(opener.size());
            const bool comma_only = opener == ", ";
            const auto words = std::count(rest.begin(), rest.end(), ' ') + 1;
            // (After a bare comma only a description that says a kind: "…, chief executive X" is
            // an apposition of another sort.)
            // ("..., ChatGPT-maker OpenAI": a kind word after a hyphen.)
            const size_t hyphen = rest.rfind('-');
            const bool kind = EndsInKindWord(rest, rules_.org_cues[li_]) ||
                              (hyphen != std::string_view::npos && EndsInKindWord(rest.substr(hyphen + 1), rules_.org_cues[li_]));
            join = !rest.empty() && ((words <= 2 && !comma_only) || (words <= (comma_only ? 3 : 6) && kind)) &&
                   std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '-'; });
            // ("and Donald Trump Jr.-backed X": a backer's name, of any shape, before a hyphenated
            // participle.)
            const std::string_view participle = hyphen == std::string_view::npos ? std::string_view() : rest.substr(hyphen + 1);
            join = join || (!participle.empty() && participle.ends_with("ed") && participle.find(' ') == std::string_view::npos && rest.size() <= 40 &&
                            rest.find_first_of(",;()") == std::string_view::npos);
          }
        }
      }
      if (join && lang_ != Lang::kKorean && mentions_[i].role != Role::kNone && mentions_[i].role != Role::kWith && mentions_[i].role != Role::kGenitive) join = false;
      if (join && mentions_[i].entity == previous.entity) join = true;
    }
    if (join) {
      Group& group = groups_[static_cast<size_t>(group_of_[before])];
      group.members.push_back(static_cast<int>(i));
      group.end = mentions_[i].word_end;
      if (lang_ == Lang::kKorean) group.role = mentions_[i].role;
      // "科技部和北京市政府的支持": a genitive after the last member covers the list.
      if (lang_ != Lang::kKorean && group.role == Role::kNone && mentions_[i].role == Role::kGenitive) group.role = Role::kGenitive;
      if (lang_ == Lang::kChinese && group.role == Role::kWith && mentions_[i].role == Role::kWith) {}
    } else {
      Group group;
      group.members.push_back(static_cast<int>(i));
      group.role = mentions_[i].role;
      group.begin = mentions_[i].begin;
      group.end = mentions_[i].word_end;
      group.embedded = qualifies[i];  // no argument of a trigger: it only qualifies a name
      // A list that a qualified name opens takes the qualifier's role ("by Google co-founder X").
      // (Not a possessive: in "France's Mistral AI" the possessive is France's own.)
      if (i > 0 && qualifies[i - 1] && group.role == Role::kNone && lang_ != Lang::kKorean && mentions_[i - 1].role != Role::kGenitive) {
        group.role = mentions_[i - 1].role, mentions_[i].role = mentions_[i - 1].role;
      }
      groups_.push_back(group);
    }
    group_of_[i] = join ? group_of_[before] : static_cast<int>(groups_.size()) - 1;
  }
  // English: "Musk's firm", "Altman's startup" name an organisation the person stands for; the
  // person is no argument of what that organisation does.
  if (lang_ == Lang::kEnglish) {
    for (Group& group : groups_) {
      const Mention& last = mentions_[static_cast<size_t>(group.members.back())];
      if (last.role != Role::kGenitive || last.entity < 0 || !IsPerson(last.entity)) continue;
      std::string_view rest = std::string_view(lower_).substr(SkipSpaces(s_, group.end));
      for (std::string_view noun : {"firm", "company", "startup", "start-up", "venture", "lab", "fund", "group", "foundation"}) {
        if (rest.starts_with(noun) && (rest.size() == noun.size() || std::isalpha(static_cast<unsigned char>(rest[noun.size()])) == 0)) group.embedded = true;
      }
    }
  }
  // Chinese "以X为主的算力", "以X为核心": X only describes a noun, no argument of a verb.
  if (lang_ == Lang::kChinese) {
    for (Group& group : groups_) {
      if (!s_.substr(0, group.begin).ends_with("以")) continue;
      const std::string_view after = s_.substr(group.end);
      const auto& tails = rules_.describing_tails[li_];
      if (std::any_of(tails.begin(), tails.end(), [&](const std::string& tail) { return after.starts_with(tail); })) group.embedded = true;
    }
  }
  // Chinese: the complement of "成为"/"授予" right before a trigger noun says whose seat it is
  // ("A、B成为联盟首批成员单位"): no subject of the trigger, only its bare noun's owner.
  if (lang_ == Lang::kChinese) {
    for (Group& group : groups_) {
      const std::string_view head = s_.substr(0, group.begin);
      if (!(head.ends_with("成为") || head.ends_with("授予"))) continue;
      if (std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) { return hit.begin == group.end; })) group.embedded = true;
    }
  }
  // Chinese: names before "VERB的 NAME" belong to a relative clause that describes the later
  // name ("收购苹果前设计长艾夫创办的新创io": io is bought; "收购A、B所持有的C的股份": C's
  // shares are). They are no argument of the main verb.
  if (lang_ == Lang::kChinese) {
    for (size_t g = 0; g < groups_.size(); ++g) {
      // (Also at the sentence's start: "X创办的AI公司Y宣布…" is about Y.)
      for (const std::string& verb : rules_.relative_verbs[li_]) {
        const std::string marker = verb + "的";
        size_t at = s_.find(marker, groups_[g].end);
        if (at == std::string_view::npos || at - groups_[g].end > 90) continue;
        std::string_view between = s_.substr(groups_[g].end, at - groups_[g].end);
        if (between.find("，") != std::string_view::npos || between.find(',') != std::string_view::npos || between.find("。") != std::string_view::npos) continue;
        size_t head = at + marker.size();
        bool named_head = std::any_of(groups_.begin(), groups_.end(), [&](const Group& other) {
          return other.begin >= head && other.begin - head <= 36 && s_.substr(head, other.begin - head).find("，") == std::string_view::npos &&
                 s_.substr(head, other.begin - head).find(',') == std::string_view::npos;
        });
        if (named_head) {
          groups_[g].embedded = true;
          groups_[g].relative_end = head;
          break;
        }
      }
    }
  }
  if (lang_ != Lang::kKorean) return;
  // "A는 … B도 공개했다": after a subject, a name with only 도 ("also") is the object.
  for (size_t g = 0; g < groups_.size(); ++g) {
    Group& group = groups_[g];
    if (group.role != Role::kSubject || mentions_[static_cast<size_t>(group.members.back())].particles != "도") continue;
    for (size_t e = 0; e < g; ++e) {
      const std::string& particles = mentions_[static_cast<size_t>(groups_[e].members.back())].particles;
      std::string_view between = s_.substr(groups_[e].end, group.begin - std::min(group.begin, groups_[e].end));
      if (groups_[e].role == Role::kSubject && particles != "도" && !groups_[e].embedded && between.find(',') == std::string_view::npos) {
        group.role = Role::kObject;
        break;
      }
    }
  }
  // Korean "A를 비롯해 B, C 등이", "A를 포함한 여러 투자자로부터": A is one of the list or of
  // the noun after the word (비롯하다, 포함하다: to include) and takes their role, not 를's.
  std::vector<std::pair<size_t, size_t>> included;  // (group, end of the word)
  if (lang_ == Lang::kKorean) {
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].role != Role::kObject) continue;
      const size_t word = SkipSpaces(s_, groups_[g].end);
      for (std::string_view cue : rules_.inclusion_words[li_]) {  // data/triggers.json
        if (!s_.substr(word).starts_with(cue)) continue;
        groups_[g].role = Role::kNone;
        included.emplace_back(g, word + cue.size());
        break;
      }
    }
  }
  // "에 의해" marks the agent of a passive; a bare list takes its role from "등이" or
  // from the particle of the next word that carries one ("...등 각 사 전문가의").
  for (Group& group : groups_) {
    if (group.role == Role::kDative && s_.substr(SkipSpaces(s_, group.end)).starts_with("의해")) group.role = Role::kBy;
    if (group.role != Role::kNone) continue;
    size_t pos = group.end;
    bool after_deung = false;  // "A, B 등 총 10개 기업이": a count of the list's kind follows 등
    for (int words = 0; words < 8 && pos < s_.size(); ++words) {
      pos = SkipSpaces(s_, pos);
      size_t end = pos;
      while (end < s_.size() && !IsSpace(s_[end])) ++end;
      std::string_view word = s_.substr(pos, end - pos);
      if (word.empty() || Overlaps(pos, end)) break;
      if (word.starts_with("등")) {
        Role role;
        std::string particles;
        std::string_view rest = word.substr(3);
        while (!rest.empty() && (rest.back() == ',' || rest.back() == '.')) rest.remove_suffix(1);
        if (ParseParticles(rest, &role, &particles) && role != Role::kNone) {
          group.role = role;
          group.end = end;
          break;
        }
        after_deung = true;
        pos = end;
        continue;
      }
      // "A, B, C 같은 기업들에": "같은" (like) says what kind the list is, as 등 does.
      if (word.ends_with(",") || word.ends_with("·") || word == "같은") {
        after_deung = after_deung || word == "같은";
        pos = end;
        continue;
      }
      bool is_trigger = false;
      for (const TriggerHit& hit : triggers_) is_trigger = is_trigger || (hit.begin >= pos && hit.begin < end);
      // "▲A 20억원 ▲B 15억원 등 55억원을 유치했다": a list before the amount a round raised is
      // where the money came from.
      if (is_trigger && after_deung && std::isdigit(static_cast<unsigned char>(word[0])) != 0) {
        const bool raised = std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) {
          return hit.begin >= pos && hit.begin < end && hit.rule->states_raiser && hit.rule->type == "invests_in";
        });
        if (raised) group.role = Role::kFrom, group.inherited = true;
      }
      if (is_trigger) break;
      // The word's last particle.
      Role role = Role::kNone;
      for (size_t cut = 3; cut <= 9 && cut < word.size(); cut += 3) {
        Role found;
        std::string particles;
        if (ParseParticles(word.substr(word.size() - cut), &found, &particles) && found != Role::kNone && found != Role::kTitle) role = found;
      }
      // After 등, a subject that counts or names the list's kind is the list itself ("등 총
      // 10개 기업이", "등 5개사가"); any other subject is someone else's ("등 각 사 전문가가").
      // (So does "등 7개사로" after a topic that names them: "참여기업은 A, B 등 7개사로 … 출자했다".)
      bool counted_kind = false;
      if (after_deung && (role == Role::kSubject || role == Role::kMeans)) {
        std::string_view stem = word.substr(0, word.size() - 3);
        bool count = std::isdigit(static_cast<unsigned char>(stem.empty() ? 'x' : stem[0])) != 0;
        for (const std::string& cue : rules_.org_cues[li_]) counted_kind = counted_kind || stem == cue || (count && stem.ends_with(cue));
        counted_kind = counted_kind || (count && (stem.ends_with("개사") || stem.ends_with("곳")));
        // ... and of people: "이재성씨 등 5명이".
        const bool persons = std::all_of(group.members.begin(), group.members.end(), [&](int member) {
          int entity = mentions_[static_cast<size_t>(member)].entity;
          return entity >= 0 && IsPerson(entity);
        });
        counted_kind = counted_kind || (count && persons && stem.ends_with("명"));
        if (role == Role::kMeans) {
          counted_kind = counted_kind && count;
          if (counted_kind) role = Role::kSubject;
        }
      }
      if (role != Role::kNone && (role != Role::kSubject || counted_kind)) {
        group.role = role;
        group.inherited = true;
      }
      if (role != Role::kNone) break;
      pos = end;
    }
  }
  // (... and where names follow the word, the list they open gives the role: "A를 비롯해 B와 C가".)
  for (auto it = included.rbegin(); it != included.rend(); ++it) {
    Group& group = groups_[it->first];
    if (group.role != Role::kNone || it->first + 1 >= groups_.size()) continue;
    const Group& next = groups_[it->first + 1];
    if (SkipSpaces(s_, it->second) != next.begin) continue;
    group.role = next.role;
    group.inherited = true;
  }
  // Korean: a name followed by an adnominal verb that is no trigger belongs to a relative
  // clause ("머스크가 떠난 뒤", "버트(BERT)를 겨냥한 원신"): it is no argument of the main verb.
  for (Group& group : groups_) {
    // (Not "A를 포함한 투자자로부터": A is one of those the noun names.)
    const bool one_of = std::any_of(included.begin(), included.end(), [&](const auto& entry) { return &groups_[entry.first] == &group; });
    if (one_of) continue;
    size_t word = SkipSpaces(s_, group.end);
    if (word == group.end && group.end < s_.size() && s_[group.end] != ' ') continue;
    size_t word_end = RunEnd(s_, word, [](char32_t cp) { return IsHangul(cp); });
    if (word_end - word < 6 || Overlaps(word, word_end)) continue;
    bool trigger = false;
    for (const TriggerHit& hit : triggers_) trigger = trigger || (hit.begin < word_end && word < hit.end);
    if (trigger) continue;
    // "지난 16일" is a date, and a topic (은/는) belongs to the main clause.
    std::string_view next_word = s_.substr(word, word_end - word);
    const std::string& particles = mentions_[static_cast<size_t>(group.members.back())].particles;
    // (A genitive attaches to a noun: in "오픈AI와의 새로운 파트너십" 새로운 describes the noun.)
    if (next_word == "지난" || CommonNouns().count(next_word) != 0 || particles.ends_with("은") || particles.ends_with("는") || particles.ends_with("의")) continue;
    if (rules_.EndsInKorean(next_word, kAdnominalEnding)) group.embedded = true;
  }
}

void Analysis::FindClauses() {
  int depth = 0;
  for (size_t i = 0; i < s_.size();) {
    char32_t cp = 0;
    size_t len = DecodeAt(s_, i, &cp);
    if (cp == '(' || cp == U'（') ++depth;
    if ((cp == ')' || cp == U'）') && depth > 0) --depth;
    bool candidate = depth == 0 && (cp == ',' || cp == U'，' || cp == ';' || cp == U'；' || cp == ':' || cp == U'：');
    // A comma or colon inside a number or a time ("40,000", "10:30") ends nothing.
    if (candidate && i > 0 && i + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i - 1])) != 0 && std::isdigit(static_cast<unsigned char>(s_[i + 1])) != 0) candidate = false;
    if (candidate) {
      bool in_list = false;
      for (const Group& group : groups_) in_list = in_list || (group.begin < i && i < group.end);
      if (!in_list) {
        if (lang_ == Lang::kKorean && (cp == ',' || cp == U'，')) {
          // Only a comma after a connective ending ends a clause ("전환하고,"); commas
          // between nouns list them.
          bool connective = rules_.EndsInKorean(s_.substr(0, i), kConnectiveEnding);
          if (s_.substr(0, i).ends_with("지만") || s_.substr(0, i).ends_with("으나")) connective = true;
          if (connective) boundaries_.push_back(i);
        } else if ((cp == ':' || cp == U'：') && std::any_of(triggers_.begin(), triggers_.end(), [&](const TriggerHit& hit) { return hit.end <= i && i - hit.end <= 12; })) {
          // "领投方有三家：A、B和C", "Backers include: A, B": the list after the colon is the object.
        } else if (lang_ == Lang::kEnglish && cp == ',' &&
                   (lower_.substr(i).starts_with(", including ") || lower_.substr(i).starts_with(", such as ") ||
                    lower_.substr(i).starts_with(", led by ") || lower_.substr(i).starts_with(", like ") ||
                    lower_.substr(i).starts_with(", among them "))) {
          // "from investors, including A and B": the list continues the clause.
        } else if (lang_ == Lang::kEnglish && cp == ',' && std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
                     return mention.begin == i + 2 && i >= 2 && [&] {
                       // "unveiled a chatbot, Le Chat": a name set off after a kind word continues it.
                       std::string_view before = std::string_view(lower_).substr(0, i);
                       size_t article = std::string_view::npos;
                       for (std::string_view word : {" a ", " an ", " its ", " the "}) {
                         size_t at = before.rfind(word);
                         if (at != std::string_view::npos && (article == std::string_view::npos || at > article)) article = at;
                       }
                       if (article == std::string_view::npos || before.size() - article > 48) return false;
                       std::string_view description = before.substr(article);
                       return description.find_first_of(",;:") == std::string_view::npos &&
                              EndsInAnyKindWord(description);
                     }();
                   })) {
          // A name after a description that says what it is stays in the clause.
        } else if (lang_ == Lang::kChinese && std::any_of(rules_.list_cues[li_].begin(), rules_.list_cues[li_].end(), [&](const std::string& cue) {
                     return s_.substr(i + len).starts_with(cue);
                   })) {
          // "成员单位上百家，包括A、B": so does a Chinese list cue.
        } else {
          boundaries_.push_back(i);
        }
      }
    }
    if (lang_ == Lang::kEnglish && cp == ' ') {
      for (std::string_view word : {" but ", " while ", " whereas ", " although "}) {
        if (lower_.substr(i).starts_with(word)) boundaries_.push_back(i);
      }
    }
    i += len;
  }
}

// Chinese "根据X数据", "据X报道": X is where the news comes from, no party to it (and no referent
// of a later "该公司").
bool Analysis::CitedSource(const Mention& mention) const {
  const std::string_view before = std::string_view(lang_ == Lang::kEnglish ? lower_ : s_).substr(0, mention.begin);
  return EndsWithAny(before, rules_.source_before[li_]);
}

// Korean "삼성전자의 투자 전문 자회사 삼성넥스트": the words between a genitive organisation and
// the organisation named next say that the second is the first's unit (up to two words of
// description, then a subsidiary noun). Marked on the owner; the groups (the owner qualifies the
// unit), the compounds (part_of) and the triggers (the noun is no 자회사 trigger) read the mark.
void Analysis::MarkUnitPhrases() {
  if (lang_ != Lang::kKorean) return;
  const auto& nouns = rules_.subsidiary_nouns[li_];
  for (size_t i = 0; i + 1 < mentions_.size(); ++i) {
    Mention& owner = mentions_[i];
    const Mention& unit = mentions_[i + 1];
    if (owner.role != Role::kGenitive || unit.begin <= owner.word_end || owner.entity < 0 || unit.entity < 0 || !IsOrg(owner.entity) ||
        !IsOrg(unit.entity)) {
      continue;
    }
    std::string_view between = TrimSpace(s_.substr(owner.word_end, unit.begin - owner.word_end));
    if (between.find(',') != std::string_view::npos || std::count(between.begin(), between.end(), ' ') > 2) continue;
    size_t space = between.rfind(' ');
    std::string_view last = space == std::string_view::npos ? between : between.substr(space + 1);
    if (std::find(nouns.begin(), nouns.end(), last) != nouns.end()) owner.unit_at = unit.begin;
  }
}

}  // namespace relgraph::importers::article
