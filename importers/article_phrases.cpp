// The phrases around a trigger that FindRole asks about: relational nouns, counted lists and
// named appositions after it, the noun an adnominal trigger modifies, kind checks, joint words,
// list categories, unknown words before it, opening clauses of time and co-agents.
#include <algorithm>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// English: whether a name stands only as the owner of a relational noun after the trigger
// (from): "Nvidia's (most formidable) rivals", "a key supplier of Apple".
bool Analysis::RelationalNounAround(const Group& group, size_t from) const {
  const auto& nouns = rules_.relational_nouns[li_];  // data/triggers.json "relational_nouns"
  auto is_noun = [&](std::string_view word) { return Contains(nouns, word); };
  const Mention& last = mentions_[static_cast<size_t>(group.members.back())];
  std::string_view after = std::string_view(lower_).substr(std::min(last.end, group.end));
  if (after.starts_with("'s ") || after.starts_with("’s ")) {
    after.remove_prefix(after.starts_with("'s ") ? 3 : std::string_view("’s ").size());
    for (int words = 0; words < 3 && !after.empty(); ++words) {
      size_t end = after.find_first_of(" ,.;");
      std::string_view word = after.substr(0, end);
      if (is_noun(word)) return true;
      if (end == std::string_view::npos || after[end] != ' ') break;
      after.remove_prefix(end + 1);
    }
    return false;
  }
  std::string_view before = std::string_view(lower_).substr(0, group.begin);
  if (!before.ends_with(" of ")) return false;
  before.remove_suffix(4);
  size_t space = before.rfind(' ');
  // (Not the trigger's own noun: "a subsidiary of Alphabet", "the largest shareholder of X".)
  const size_t word = space == std::string_view::npos ? 0 : space + 1;
  return word >= from && is_noun(before.substr(word));
}

// English: whether the text between a trigger and a name is a short description of what the
// name is, set off by a dash, comma or colon: "three Apple engineers in 2019 – ", "two funds, ".
// The description ends in a plural or a kind word and holds no clause of its own.
// Chinese: a counted object the names after it spell out, "投资了10家公司，分别是：A、B":
// between the trigger and the list only the count, its noun and the word that opens the list.
bool Analysis::CountedListBefore(size_t from, size_t name_begin) const {
  if (lang_ != Lang::kChinese || name_begin <= from || name_begin - from > 60) return false;
  // (Spaces go, and ASCII punctuation reads as full-width: "投资了 10 家公司,分别是:".)
  std::string text;
  for (char c : s_.substr(from, name_begin - from)) {
    if (c == ' ') continue;
    text += c == ',' ? std::string("，") : c == ':' ? std::string("：") : std::string(1, c);
  }
  std::string_view between = text;
  if (between.starts_with("了")) between.remove_prefix(std::string_view("了").size());
  static const std::u32string_view kNumerals = U"0123456789一二三四五六七八九十两几多数百千";
  static const std::u32string_view kMeasures = U"家个所款只";
  size_t at = 0, digits = 0;
  for (char32_t cp = CodePointAt(between, at); at < between.size() && kNumerals.find(cp) != std::u32string_view::npos; cp = CodePointAt(between, at)) {
    at += cp < 0x80 ? 1 : 3;
    ++digits;
  }
  if (digits == 0 || kMeasures.find(CodePointAt(between, at)) == std::u32string_view::npos) return false;
  between.remove_prefix(at + 3);
  for (std::string_view opener : {"，分别是：", "，分别是", "，分别为：", "，分别为", "，包括：", "，包括", "："}) {
    const size_t found = between.find(opener);
    if (found == std::string_view::npos || found + opener.size() != between.size()) continue;
    const std::string_view noun = between.substr(0, found);
    return CountCodePoints(noun) <= 8 && RunEnd(noun, 0, IsHanChar) == noun.size();
  }
  return false;
}

bool Analysis::NamedApposition(size_t from, size_t name_begin) const {
  if (name_begin < from || name_begin - from > 160) return false;  // eight words at most: no long scan
  std::string_view between = s_.substr(from, name_begin - from);
  std::string_view description;
  for (std::string_view separator : {" – ", " — ", ", ", ": "}) {
    if (between.ends_with(separator)) description = TrimSpace(between.substr(0, between.size() - separator.size()));
  }
  if (description.empty() || description.find_first_of(",;:()\"") != std::string_view::npos) return false;
  if (description.find("–") != std::string_view::npos || description.find("—") != std::string_view::npos) return false;
  if (std::count(description.begin(), description.end(), ' ') > 7) return false;
  // (A time may close it: "three engineers in 2019".)
  std::string lower = Lower(description);
  size_t in = lower.rfind(" in ");
  if (in != std::string::npos && lower.size() > in + 4 && std::isdigit(static_cast<unsigned char>(lower[in + 4])) != 0) lower.erase(in);
  // (A preposition or an amount makes it a phrase of its own: "$2bn in funding for her start-up, X".)
  const std::string spaced = " " + lower + " ";
  for (std::string_view word : {" for ", " from ", " of ", " to ", " with ", " at ", " on ", " in ", " by "}) {
    if (spaced.find(word) != std::string::npos) return false;
  }
  if (lower.find_first_of("$%") != std::string::npos) return false;
  size_t space = lower.rfind(' ');
  std::string_view last = std::string_view(lower).substr(space == std::string::npos ? 0 : space + 1);
  const bool plural = last.size() >= 4 && last.ends_with("s") && !last.ends_with("ss") && !last.ends_with("us");
  return (plural || EndsInAnyKindWord(lower)) && lower.find(" who ") == std::string::npos && lower.find(" which ") == std::string::npos &&
         lower.find(" that ") == std::string::npos;
}

// The noun a Korean adnominal trigger modifies: "ChatGPT를 개발한 오픈AI", "창업한 회사 X".
const Group* Analysis::HeadOf(const TriggerHit& hit) const {
  // Chinese: "联合研发的大语言模型“天工”": the name the 的-phrase describes, within a short
  // description and no punctuation.
  if (lang_ == Lang::kChinese) {
    size_t after = hit.end;
    if (s_.substr(after).starts_with("的")) after += 3;
    else if (!s_.substr(0, after).ends_with("的")) return nullptr;
    for (const Group& group : groups_) {
      if (group.begin < after) continue;
      std::string_view between = s_.substr(after, group.begin - after);
      if (between.size() > 30 || between.find_first_of(",.;:") != std::string_view::npos || between.find("，") != std::string_view::npos ||
          between.find("、") != std::string_view::npos || between.find("。") != std::string_view::npos || between.find("的") != std::string_view::npos) {
        return nullptr;
      }
      head_.members = {group.members.front()};
      head_.role = group.role;
      head_.begin = group.begin;
      head_.end = mentions_[static_cast<size_t>(group.members.front())].word_end;
      return &head_;
    }
    return nullptr;
  }
  if (lang_ != Lang::kKorean || !hit.adnominal) return nullptr;
  for (const Group& group : groups_) {
    if (group.begin < hit.word_end) continue;
    std::string_view between = s_.substr(hit.word_end, group.begin - hit.word_end);
    if (between.find(',') != std::string_view::npos || std::count(between.begin(), between.end(), ' ') > 2) return nullptr;
    // A word with a case particle between is the noun modified: "김 회장이 이끄는 팀이 X와".
    for (size_t start = 0; start < between.size();) {
      size_t space = between.find(' ', start);
      if (space == std::string_view::npos) space = between.size();
      if (space > start && rules_.EndsInKorean(between.substr(start, space - start), kParticleEnding)) return nullptr;
      start = space + 1;
    }
    // A relative clause modifies the nearest noun, not a whole list after it
    // ("ChatGPT를 개발한 오픈AI나 구글").
    head_.members = {group.members.front()};
    head_.role = group.role;
    head_.begin = group.begin;
    head_.end = mentions_[static_cast<size_t>(group.members.front())].word_end;
    return &head_;
  }
  // "LG AI연구원은 2020년 LG그룹이 설립한 싱크탱크다": the clause describes the topic.
  std::string_view rest = TrimSpace(s_.substr(hit.word_end));
  // (A bound noun is what the clause modifies: "X가 투자한 것으로 전해진다" says that X invested.)
  for (std::string_view bound : {"것", "바", "데", "뒤", "후", "이후", "가운데", "만큼"}) {
    if (!rest.starts_with(bound)) continue;
    const std::string_view tail = rest.substr(bound.size());
    if (!IsHangul(CodePointAt(tail, 0)) || StartsWithAny(tail, {"으로", "이", "은", "을", "에"})) return nullptr;
  }
  if (topic_group_ >= 0 && groups_[static_cast<size_t>(topic_group_)].end <= hit.word_begin && std::count(rest.begin(), rest.end(), ' ') <= 2 &&
      (rest.ends_with("다.") || rest.ends_with("다"))) {
    return &groups_[static_cast<size_t>(topic_group_)];
  }
  return nullptr;
}

bool Analysis::KindFits(int entity, const std::vector<std::string>& kinds, bool source) const {
  const std::string& kind = Kind(entity);
  if (kinds.empty()) return source ? kind != "product" : true;
  return Contains(kinds, kind);
}

// Chinese "A携手B、C等投资D": the names after 携手/联手 act with A when the verb of what they do
// follows them (等, 共同 or 一起 may stand between).
bool Analysis::AfterJointWord(size_t pos) const {
  const std::string_view head = s_.substr(0, pos);
  return head.ends_with("携手") || head.ends_with("联手");
}

bool Analysis::AfterListCategory(size_t pos) const {
  return lang_ == Lang::kKorean && s_.substr(0, pos).ends_with("등 ");
}

bool Analysis::UnknownWordBefore(size_t pos) const {
  size_t start = pos;
  for (int chars = 0; chars < 3 && start >= 3; ++chars) {
    const char32_t cp = CodePointBefore(s_, start);
    if (!IsHan(cp) || IsChineseFunction(cp)) return false;
    start -= 3;
  }
  if (start + 9 != pos || Overlaps(start, pos)) return false;
  const std::string_view head = s_.substr(0, pos);
  if (EndsWithAny(head, rules_.adverbs[li_]) || EndsWithAny(head, rules_.time_words[li_]) || EndsWithAny(head, rules_.name_end_words[li_])) return false;
  return !TriggerEndsAt(pos);
}

size_t Analysis::OpeningTimeClauseEnd() const {
  if (lang_ != Lang::kChinese) return 0;
  const size_t comma = std::min(s_.find("，"), s_.find(','));
  if (comma == std::string_view::npos || comma > 3 * 60) return 0;
  const std::string_view clause = TrimSpace(s_.substr(0, comma));
  bool opens = clause.starts_with("继") || clause.starts_with("在") || clause.starts_with("自从") || clause.starts_with("此前在");
  bool closes = clause.ends_with("后") || clause.ends_with("以来");
  return opens && closes ? comma + (s_[comma] == ',' ? 1 : 3) : 0;
}

bool Analysis::CoAgentsOf(const Group& group, const TriggerHit& hit) const {
  if (lang_ != Lang::kChinese || group.role != Role::kWith || group.end > hit.begin) return false;
  if (!AfterJointWord(group.begin)) return false;
  std::string_view between = s_.substr(group.end, hit.begin - group.end);
  for (std::string_view word : {"等", "共同", "一起"}) {
    if (between.starts_with(word)) between.remove_prefix(word.size());
  }
  return between.empty();
}

}  // namespace relgraph::importers::article
