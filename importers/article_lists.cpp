// Names found because they stand in a list with a known one: English lists after a cue
// ("investors including A, B and C"), Chinese enumerations ("五源、IDG、北极光跟投") and Korean
// ones ("KTB네트워크와 소프트뱅크벤처스로부터"): the other items are organisations too.
#include <algorithm>
#include <string>
#include <vector>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// English lists after a cue ("investors including DCVC, AME Cloud Ventures and Frontline",
// "Backers include ...", "led by ..."): every capitalised name of the list is an entity, known
// or not. A known name followed by an organisation suffix ("Salesforce Ventures") is the longer
// name.
void Analysis::DiscoverListedNames() {
  if (lang_ != Lang::kEnglish) return;
  auto upper_at = [&](size_t i) { return i < s_.size() && (IsAsciiUpper(static_cast<unsigned char>(s_[i])) || std::isdigit(static_cast<unsigned char>(s_[i])) != 0); };
  for (const std::string& cue : rules_.list_cues[li_]) {
    for (size_t at = lower_.find(cue); at != std::string::npos; at = lower_.find(cue, at + 1)) {
      size_t i = at + cue.size();
      if ((at > 0 && std::isalpha(static_cast<unsigned char>(lower_[at - 1])) != 0) || i >= s_.size() || s_[i] != ' ') continue;
      for (int items = 0; items < 40; ++items) {
        i = SkipSpaces(s_, i);
        if (lower_.substr(i).starts_with("the ")) i += 4;
        // A title before a person is not part of the name: "led by CEO Sam Altman".
        TitleMatch title;
        const bool titled = ParseTitles(i, &title) && title.end > i;
        if (titled) i = SkipSpaces(s_, title.end);
        size_t begin = i, end = i;
        for (int words = 0; words < 6 && upper_at(i);) {
          size_t w = i;
          while (w < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[w])) != 0 || s_[w] == '-' || s_[w] == '.' || s_[w] == '&' || s_[w] == '\'')) ++w;
          bool plural_possessive = w > i + 2 && s_.substr(i, w - i).ends_with("s'") && w + 1 < s_.size() && s_[w] == ' ' && upper_at(w + 1);
          while (!plural_possessive && w > i && (s_[w - 1] == '.' || s_[w - 1] == '\'')) --w;  // the sentence's full stop, a closing quote
          if (s_.substr(i, w - i).ends_with("'s") || s_.substr(i, w - i).ends_with("’s")) {  // "Canada's Inovia Capital"
            begin = end = i = SkipSpaces(s_, w);
            words = 0;
            continue;
          }
          end = w;
          ++words;
          i = w;
          if (i + 1 < s_.size() && s_[i] == ' ' && upper_at(i + 1)) {
            ++i;
          } else if (lower_.substr(i).starts_with(" of ") && upper_at(i + 4)) {
            i += 4;
          } else {
            break;
          }
        }
        if (end <= begin) break;
        std::string name(s_.substr(begin, end - begin));
        std::string kind;
        HasOrgSuffix(name, li_, &kind);
        bool usable = CountCodePoints(name) >= 2 && GenericWords().count(name) == 0 && name.size() <= 60;
        // The longer name wins over a known name inside it ("Salesforce Ventures", "Samsung
        // Next"), unless the rest is a legal form ("Nvidia Corp.").
        bool legal_rest = false;
        for (const Mention& mention : mentions_) {
          if (mention.begin != begin || mention.end >= end) continue;
          legal_rest = legal_rest || LegalForms().count(Lower(TrimSpace(s_.substr(mention.end, end - mention.end)))) != 0;
        }
        if (usable && !legal_rest && name.find(' ') != std::string::npos) {
          std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin >= begin && mention.end <= end && (mention.begin > begin || mention.end < end); });
        }
        if (usable && !Overlaps(begin, end)) {
          int entity = Discover(Written(name), titled ? "person" : kind.empty() ? "company" : kind, {}, name);
          AddMention(MentionWithParticles(begin, end, entity));
        }
        // The separator to the next item.
        size_t next = SkipSpaces(s_, end);
        if (next < s_.size() && s_[next] == ',') next = SkipSpaces(s_, next + 1);
        else if (!lower_.substr(next).starts_with("and ")) break;
        if (lower_.substr(next).starts_with("and ")) next += 4;
        i = next;
      }
    }
  }
}

// Whether the text after a known name up to an item's end may belong to the name: nothing, a
// word of up to two characters, or words that end in an organisation's suffix ("GGV纪源资本");
// not a verb phrase ("广汽丰田举办签约仪式").
bool Analysis::NameLikeRest(size_t from, size_t end) const {
  if (from >= end) return true;
  const std::string rest(s_.substr(from, end - from));
  std::string kind;
  return CountCodePoints(rest) <= 2 || HasOrgSuffix(rest, li_, &kind);
}

// Chinese enumerations with a known organisation in them ("高瓴领投，五源、IDG、北极光跟投",
// "包括龙旗科技、卧龙电气、华发集团等"): the other items are organisations too. An item between two
// 、 is whole; the first one starts after punctuation or a cue word, the last one ends before a
// stop word ("等", "跟投", "和", ...); "X和Y" at the end is two items.
void Analysis::DiscoverListMembers() {
  if (lang_ != Lang::kChinese) return;
  constexpr std::string_view kSeparator = "、";
  constexpr size_t kMaxItem = 12 * 3;  // bytes: twelve Han characters
  // (An item between two separators may be longer, as official names are: "中国科学技术大学先进技术研究院".)
  constexpr size_t kMaxInnerItem = 20 * 3;
  // Words that end a unit's name, though no organisation suffix alone ("数据中心" is a building).
  static const std::vector<std::string> kUnitEnds = {"中心", "办公室"};
  auto name_char = [](char32_t cp) { return IsHan(cp) || IsAsciiAlnum(cp) || cp == U' ' || cp == U'-' || cp == U'&'; };
  static const std::vector<std::string_view> kCues = {"包括", "投资方", "投资者", "股东", "分别为", "分别是", "来自", "由", "有", "为", "如", "是", "获", "和", "与", "及",
                                                      "引入"};
  static const std::vector<std::string_view> kStops = {"等", "跟投", "领投", "参投", "联合", "共同", "均", "也", "都", "参与", "持续", "加注", "跟进", "在内",
                                                       "作为", "的", "分别", "进行", "完成", "宣布", "投资", "出资", "联手", "携手", "已", "将", "在", "对",
                                                       "所持", "其他"};
  // A rule's trigger or a kind word before the first item ends what came before it: "拟收购关联企业
  // 昆霞投资、巨星科技" lists 昆霞投资 (when a name of two characters or more is left).
  std::vector<std::string_view> openers(rules_.org_cues[li_].begin(), rules_.org_cues[li_].end());
  for (const Rule& rule : rules_.rules) {
    if (rule.lang == lang_) openers.insert(openers.end(), rule.triggers.begin(), rule.triggers.end());
  }
  // Item spans of each run of separators.
  std::vector<std::pair<size_t, size_t>> items;
  auto flush = [&]() {
    bool known_org = false;
    for (auto [begin, end] : items) {
      for (const Mention& mention : mentions_) known_org = known_org || (mention.begin == begin && mention.entity >= 0 && IsOrg(mention.entity));
    }
    if (known_org) {
      for (auto [begin, end] : items) {
        std::string_view item = TrimSpace(s_.substr(begin, end - begin));
        // "美的集团旗下美的资本": the item is the unit after 旗下; its owner qualifies it.
        if (size_t owner_end = item.rfind("旗下"); owner_end != std::string_view::npos) {
          item = item.substr(owner_end + std::string_view("旗下").size());
          if (item.starts_with("的")) item.remove_prefix(std::string_view("的").size());  // "旗下的"
        }
        begin = static_cast<size_t>(item.data() - s_.data());
        end = begin + item.size();
        size_t points = CountCodePoints(item);
        if (ContainsTitle(item)) continue;  // "正泰集团董事长": a title chain, not a list of names
        // An item made of one known organisation's name and more ("GGV纪源资本", "纪源资本" being
        // known) stands for that organisation as a whole.
        std::vector<size_t> inside;
        for (size_t m = 0; m < mentions_.size(); ++m) {
          if (mentions_[m].begin < end && begin < mentions_[m].word_end) inside.push_back(m);
        }
        std::sort(inside.begin(), inside.end(), [&](size_t a, size_t b) { return mentions_[a].begin < mentions_[b].begin; });
        bool contiguous = !inside.empty() && mentions_[inside.front()].begin >= begin && mentions_[inside.back()].word_end <= end &&
                          mentions_[inside.front()].entity >= 0 && IsOrg(mentions_[inside.front()].entity);
        for (size_t k = 1; k < inside.size() && contiguous; ++k) contiguous = mentions_[inside[k]].begin == mentions_[inside[k - 1]].word_end;
        // ... unless the rest names an organisation of its own kind after the known name
        // ("恒生电子产业基金": Hundsun's fund, not Hundsun): then the item is a new name.
        std::string rest_kind;
        const size_t head_end = inside.empty() ? end : mentions_[inside.front()].word_end;
        bool rest_found = std::all_of(inside.begin() + (inside.empty() ? 0 : 1), inside.end(), [&](size_t m) { return mentions_[m].entity < 0 || catalog_->at(mentions_[m].entity).discovered; });
        // (A generic word may open the item: "中国工业和信息化部国际经济技术合作中心".)
        const bool opens_item = !inside.empty() && (mentions_[inside.front()].begin == begin ||
                                                     GenericWords().count(s_.substr(begin, mentions_[inside.front()].begin - begin)) != 0);
        bool own_fund = contiguous && rest_found && opens_item && head_end < end &&
                        CountCodePoints(s_.substr(head_end, end - head_end)) >= 2 &&
                        (HasOrgSuffix(std::string(s_.substr(head_end, end - head_end)), li_, &rest_kind) ||
                         Contains(rules_.org_suffixes[li_], s_.substr(head_end, end - head_end)) ||  // "比亚迪半导体": BYD's own company
                         EndsWithAny(s_.substr(head_end, end - head_end), kUnitEnds));  // "工业和信息化部国际经济技术合作中心": a unit
        if (own_fund) {
          std::sort(inside.rbegin(), inside.rend());
          for (size_t m : inside) mentions_.erase(mentions_.begin() + static_cast<std::ptrdiff_t>(m));
        } else if (contiguous && (mentions_[inside.front()].begin > begin || mentions_[inside.back()].word_end < end) && NameLikeRest(mentions_[inside.back()].word_end, end)) {
          Mention& whole = mentions_[inside.front()];
          whole.begin = begin;
          whole.end = whole.word_end = end;
          std::vector<size_t> gone(inside.begin() + 1, inside.end());
          std::sort(gone.rbegin(), gone.rend());
          for (size_t m : gone) mentions_.erase(mentions_.begin() + static_cast<std::ptrdiff_t>(m));
        }
        // "思特威 Smartsens": a name written in Han and then in Latin letters; the Latin one is an alias.
        std::vector<std::string> aliases;
        if (const size_t space = item.find(' '); space != std::string_view::npos && !Overlaps(begin, end)) {
          const std::string_view han = item.substr(0, space), latin = TrimSpace(item.substr(space));
          if (CountCodePoints(han) >= 2 && RunEnd(han, 0, IsHanChar) == han.size() && latin.size() >= 2 && IsAsciiUpper(static_cast<unsigned char>(latin[0])) &&
              std::all_of(latin.begin(), latin.end(), [](char c) { return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-'; })) {
            aliases.emplace_back(latin);
            item = han;
            points = CountCodePoints(item);
          }
        }
        std::string name(item);
        std::string kind;
        const bool suffixed = HasOrgSuffix(name, li_, &kind);
        if (!suffixed) kind = "company";
        if (points < 2 || points > (suffixed || own_fund ? 20 : 12) || Overlaps(begin, end) || GenericWords().count(item) != 0) continue;
        int entity = catalog_->FindByName(name);
        if (entity < 0 && !aliases.empty()) entity = catalog_->FindByName(aliases.front());
        if (entity < 0) entity = Discover(Written(name), kind, aliases, "");
        if (entity >= 0 && IsOrg(entity)) AddMention(MentionWithParticles(begin, end, entity));
      }
    }
    items.clear();
  };
  // Byte limits land on character boundaries (items mix Han and Latin: "某头部VC机构").
  auto continuation = [&](size_t pos) { return pos < s_.size() && (static_cast<unsigned char>(s_[pos]) & 0xC0) == 0x80; };
  // The last item of a run, after its last separator: up to a stop word or punctuation.
  auto close_run = [&](size_t from) {
    size_t end = std::min(RunEnd(s_, from, name_char), from + kMaxInnerItem);
    while (end > from && continuation(end)) --end;
    std::string_view rest = s_.substr(from, end - from);
    size_t cut = rest.size();
    // (A stop word right before a joiner or another stop word ends a name instead: "上汽投资及深创投",
    // "国和投资联合领投".)
    // (The latter only for a stop that can end a name: "投资" in "国和投资".)
    auto ends_name = [&](std::string_view stop, size_t after) {
      std::string_view next = rest.substr(after);
      if (next.starts_with("及") || next.starts_with("和") || next.starts_with("与") || next.starts_with("以及") || next.starts_with("等")) return true;
      return stop == "投资" &&
             std::any_of(kStops.begin(), kStops.end(), [&](std::string_view other) { return other != "的" && next.starts_with(other); });
    };
    // (No stop inside a known name the item opens with: "蓝驰创投入股" is not cut at 投入.)
    size_t known_end = 0;
    for (const Mention& mention : mentions_) {
      if (mention.begin == from && mention.entity >= 0) known_end = std::max(known_end, mention.end - from);
    }
    for (std::string_view stop : kStops) {
      for (size_t at = rest.find(stop); at != std::string_view::npos && at < cut; at = rest.find(stop, at + stop.size())) {
        // (A stop word that opens the item is the name's own: "均胜电子".)
        if (at < known_end || at == 0) continue;
        if (stop.size() < 6 || !ends_name(stop, at + stop.size())) {
          cut = at;
          break;
        }
      }
    }
    // The last item also ends before a rule's verb of two characters or more ("获A、B入股后": B).
    for (size_t at = known_end, step = 1; at < cut; at += step) {
      char32_t cp = 0;
      step = std::max<size_t>(1, DecodeAt(rest, at, &cp));
      const size_t length = TriggerLengthAt(from + at);
      if (length >= 6 && at + length <= rest.size() && !ends_name(rest.substr(at, length), at + length)) {
        cut = at;
        break;
      }
    }
    rest = rest.substr(0, cut);
    // (Not a joiner inside a known name: "工业和信息化部".)
    size_t join = std::string_view::npos, join_size = 3;
    for (std::string_view word : {"以及", "和", "及", "与"}) {
      for (size_t at = rest.find(word); at != std::string_view::npos && at < join; at = rest.find(word, at + word.size())) {
        if (Overlaps(from + at, from + at + word.size())) continue;
        join = at, join_size = word.size();
      }
    }
    if (join != std::string_view::npos) {
      items.emplace_back(from, from + join);
      items.emplace_back(from + join + join_size, from + rest.size());
    } else {
      items.emplace_back(from, from + rest.size());
    }
    flush();
  };
  size_t previous_end = std::string_view::npos;  // end of the last separator of the run
  for (size_t at = s_.find(kSeparator); at != std::string_view::npos; at = s_.find(kSeparator, at + kSeparator.size())) {
    // (A long item must end like an organisation's name: "…发起、共同组建" closes the run instead.)
    auto inner_fits = [&](size_t begin, size_t end) {
      if (end - begin <= kMaxItem) return true;
      std::string kind;
      const std::string item(s_.substr(begin, end - begin));
      return end - begin <= kMaxInnerItem && (HasOrgSuffix(item, li_, &kind) || EndsWithAny(item, kUnitEnds));
    };
    if (previous_end != std::string_view::npos && inner_fits(previous_end, at) && RunEnd(s_, previous_end, name_char) == at) {
      items.emplace_back(previous_end, at);  // an inner item
    } else {
      if (previous_end != std::string_view::npos) close_run(previous_end);
      // The first item of a new run: back to punctuation or a cue word.
      size_t begin = RunStart(s_, at, name_char);
      if (at - begin > kMaxItem) begin = at - kMaxItem;
      while (begin < at && continuation(begin)) ++begin;
      std::string_view left = s_.substr(begin, at - begin);
      size_t from = 0;
      for (std::string_view cue : kCues) {
        size_t found = left.rfind(cue);
        if (found != std::string_view::npos) from = std::max(from, found + cue.size());
      }
      for (std::string_view opener : openers) {
        size_t found = left.rfind(opener);
        if (found != std::string_view::npos && CountCodePoints(left.substr(found + opener.size())) >= 2) from = std::max(from, found + opener.size());
      }
      // (An aspect particle after the verb opens no name: "投资了A、B".)
      while (from < left.size() && (left.substr(from).starts_with("了") || left.substr(from).starts_with("过"))) from += std::string_view("了").size();
      items.emplace_back(begin + from, at);
    }
    previous_end = at + kSeparator.size();
  }
  if (previous_end != std::string_view::npos) close_run(previous_end);
}

// Korean lists with a known organisation in them ("KTB네트워크와 소프트뱅크벤처스로부터",
// "소프트뱅크벤처스, 엔씨소프트, 누리온 등"): a bare word joined to a known organisation by a
// comma or a middle dot, or before it by 와/과, names an organisation too, when it is no common
// word, no title, no verb and no place. Up to four items either way.
void Analysis::DiscoverKoreanListMembers() {
  if (lang_ != Lang::kKorean) return;
  auto known_org_at = [&](size_t begin) {
    return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& m) { return m.begin == begin && m.entity >= 0 && IsOrg(m.entity); });
  };
  // A word that may be an organisation's name: its stem (before the joining particle) and end.
  auto try_item = [&](size_t begin, size_t stem_end) {
    std::string_view stem = s_.substr(begin, stem_end - begin);
    size_t points = CountCodePoints(stem);
    if (points < 2 || points > 12 || Overlaps(begin, stem_end) || ContainsTitle(stem)) return false;
    // A verb or an adjective ends the list: "전환하고", "개발했으며", "새로운".
    if (rules_.EndsInKorean(stem, kParticleEnding | kVerbEnding)) return false;
    std::string name(stem);
    if (CommonNouns().count(name) != 0 || NotNames().count(name) != 0 || GenericWords().count(name) != 0) return false;
    if (std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) return false;
    // A date or an amount ("지난 9월, MS는", "300억원, 카카오") is no name.
    if (std::isdigit(static_cast<unsigned char>(name[0])) != 0 &&
        std::any_of(rules_.figure_units.begin(), rules_.figure_units.end(), [&](const std::string& unit) { return name.find(unit) != std::string::npos; })) {
      return false;
    }
    // A word right after a title is its holder: "카카오 대표 박민수, 네이버 부사장 나영진".
    size_t word_end = begin;
    while (word_end > 0 && IsSpace(s_[word_end - 1])) --word_end;
    size_t word_start = RunStart(s_, word_end, IsHangulOrAlnum);
    TitleMatch title;
    if (word_start < word_end && word_end < begin && ParseTitles(word_start, &title) && title.tail.empty() && SkipSpaces(s_, title.end) == begin) return false;
    int entity = Discover(Written(name), "company", {}, "");
    if (entity < 0 || !IsOrg(entity)) return false;
    AddMention(MentionWithParticles(begin, stem_end, entity));
    return true;
  };
  std::vector<size_t> starts;
  for (const Mention& m : mentions_) {
    if (m.entity >= 0 && IsOrg(m.entity)) starts.push_back(m.begin);
  }
  for (size_t start : starts) {
    // Leftwards: "W와 KNOWN", "W, KNOWN", "W·KNOWN".
    size_t at = start;
    for (int hops = 0; hops < 4; ++hops) {
      std::string_view before = s_.substr(0, at);
      size_t joiner = 0;
      for (std::string_view tail : {"와 ", "과 ", ", ", "·", "ㆍ", " 및 ", " △", " ▲", "△", "▲"}) {
        if (joiner == 0 && before.ends_with(tail)) joiner = tail.size();
      }
      if (joiner == 0) break;
      size_t stem_end = at - joiner;
      if (before.ends_with("와 ") || before.ends_with("과 ")) stem_end = at - 1;  // the particle stays out of the name
      if (before.ends_with("와 ") || before.ends_with("과 ")) stem_end -= 3;
      size_t begin = RunStart(s_, stem_end, IsHangulOrAlnum);
      auto opens = [](char32_t cp) { return cp == U',' || cp == U'·' || cp == U'△' || cp == U'▲'; };
      if (begin == stem_end || (begin > 0 && !IsSpace(s_[begin - 1]) && !opens(CodePointBefore(s_, begin)))) break;
      // Before a bullet, only a bulleted word is an item ("설립 직후 ▲A ▲B": 직후 is none).
      const bool bullet_joiner = before.ends_with("△") || before.ends_with("▲");
      if (bullet_joiner && (begin == 0 || (CodePointBefore(s_, begin) != U'△' && CodePointBefore(s_, begin) != U'▲'))) break;
      if (!known_org_at(begin) && !try_item(begin, stem_end)) break;
      at = begin;
    }
    // Rightwards: "KNOWN와 W", "KNOWN, W 등".
    size_t pos = start;
    for (const Mention& m : mentions_) {
      if (m.begin == start) pos = m.word_end;
    }
    for (int hops = 0; hops < 4; ++hops) {
      std::string_view rest = s_.substr(pos);
      size_t skip = 0;
      // (An amount may follow a bulleted item: "▲네이버 8억원 ▲제로원 2억원".)
      if (rest.size() > 2 && rest[0] == ' ' && std::isdigit(static_cast<unsigned char>(rest[1])) != 0) {
        const size_t token_end = std::min(rest.find(' ', 1), rest.size());
        const std::string amount(rest.substr(1, token_end - 1));
        const std::string_view next = rest.substr(token_end);
        if (rules_.IsAmount(OutsideBrackets(amount, U"")) && (next.starts_with(" △") || next.starts_with(" ▲"))) {
          pos += token_end;
          rest = next;
        }
      }
      // (Not after 와/과: "X와 손잡고", "X와 함께" go on with a verb.)
      // (List bullets join too: "△A △B△C".)
      if (rest.starts_with(", ")) skip = 2;
      else if (rest.starts_with("·")) skip = 2;
      else if (rest.starts_with(" △") || rest.starts_with(" ▲")) skip = 4;
      else if (rest.starts_with("△") || rest.starts_with("▲")) skip = 3;
      if (skip == 0) break;
      size_t begin = pos + skip;
      size_t end = RunEnd(s_, begin, IsHangulOrAlnum);
      if (end == begin) break;
      // The word's own particles: the name is the longest stem that leaves a particle chain.
      std::vector<size_t> cuts;
      for (size_t cut = begin; cut < end;) {
        char32_t cp = 0;
        cut += DecodeAt(s_, cut, &cp);
        if (cut < end) cuts.push_back(cut);
      }
      size_t stem_end = end;
      for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) {
        Role role;
        std::string particles;
        if (ParseParticles(s_.substr(*cut, end - *cut), &role, &particles)) {
          stem_end = *cut;
          break;
        }
      }
      bool known = known_org_at(begin);
      if (!known && !try_item(begin, stem_end)) break;
      pos = end;
    }
  }
}

}  // namespace relgraph::importers::article
