// Chinese names found by their place in the sentence: units after their owner ("X旗下的Y"),
// products after their product word with a number, the objects of verbs, subjects that open a
// sentence, and a foreign company's China arm. The other languages: article_names_context.cpp.
#include <algorithm>
#include <string>
#include <string_view>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// Chinese units named after their owner ("国家开发银行旗下的国开科创参与了投资", "阿里巴巴旗下的菜鸟宣布"):
// the Han word after "ORG旗下(的)", two to six characters, up to a function character, a word
// that ends names or a rule's verb.
void Analysis::DiscoverChineseUnits() {
  if (lang_ != Lang::kChinese) return;
  const size_t count = mentions_.size();
  for (size_t m = 0; m < count; ++m) {
    const Mention owner = mentions_[m];
    if (owner.entity < 0 || owner.anaphor || !IsOrg(owner.entity)) continue;
    size_t begin = owner.end;
    for (std::string_view owned : {"旗下的", "旗下"}) {
      if (s_.substr(begin).starts_with(owned)) {
        begin += owned.size();
        break;
      }
    }
    if (begin == owner.end) continue;
    auto stops_at = [&](size_t pos) { return StartsWithAny(s_.substr(pos), rules_.name_end_words[li_]) || TriggerStartsAt(pos); };
    size_t end = begin;
    int chars = 0;
    while (end < s_.size() && chars < 7) {
      const char32_t cp = CodePointAt(s_, end);
      if (!IsHan(cp) || IsChineseFunction(cp) || (chars >= 2 && stops_at(end))) break;
      end += 3, ++chars;
    }
    // (A run that goes on is a description, not a name: "旗下的自动驾驶公司".)
    if (chars < 2 || chars > 6 || Overlaps(begin, end)) continue;
    const std::string name(s_.substr(begin, end - begin));
    std::string kind;
    if (GenericWords().count(name) != 0 || CommonNouns().count(name) != 0 || EndsInKindWord(name, rules_.org_cues[li_]) || EndsInKindWord(name, rules_.product_cues[li_])) continue;
    const int entity = Discover(Written(name), HasOrgSuffix(name, li_, &kind) ? kind : "company", {}, "");
    if (entity < 0 || !IsOrg(entity)) continue;
    AddMention(MentionWithParticles(begin, end, entity));
  }
  // "AIIA联盟产业数据组", "X联盟大模型工作组": a working body inside an organisation is not the
  // organisation (nor anyone known): the name goes.
  std::erase_if(mentions_, [&](const Mention& mention) {
    if (mention.entity < 0 || mention.anaphor || !IsOrg(mention.entity) || mention.word_end != mention.end) return false;
    size_t end = mention.end;
    for (int chars = 0; chars < 8 && end < s_.size() && IsHan(CodePointAt(s_, end)); ++chars) end += 3;
    const std::string_view run = s_.substr(mention.end, end - mention.end);
    for (std::string_view body : {"工作组", "数据组", "专家组", "专委会", "专业委员会", "分会", "秘书处"}) {
      if (run.ends_with(body)) return true;
    }
    return false;
  });
  // "丰田中国董事长", "与丰田中国、广汽丰田": a foreign company's China arm is an organisation of its own,
  // when a boundary follows (not "英伟达中国市场").
  for (Mention& mention : mentions_) {
    if (mention.entity < 0 || mention.anaphor || !IsOrg(mention.entity) || mention.word_end != mention.end || !s_.substr(mention.end).starts_with("中国")) continue;
    const size_t end = mention.end + std::string_view("中国").size();
    const char32_t next = end < s_.size() ? CodePointAt(s_, end) : U'。';
    TitleMatch title;
    const bool boundary = !IsHan(next) || IsChineseFunction(next) || ParseTitles(end, &title) || TriggerStartsAt(end) ||
                          StartsWithAny(s_.substr(end), rules_.name_end_words[li_]);
    if (!boundary || Overlaps(mention.end, end) || NotNames().count(std::string(s_.substr(mention.begin, mention.end - mention.begin))) != 0) continue;
    const int arm = Discover(Written(std::string(s_.substr(mention.begin, end - mention.begin))), "company", {}, "");
    if (arm < 0 || !IsOrg(arm)) continue;
    mention.entity = arm;
    mention.end = mention.word_end = end;
  }
}

// Chinese products named right after their product word with a number ("AI芯片思元290",
// "算力集群飞星一号"): two to four Han characters, then digits or a numeral and 号.
void Analysis::DiscoverChineseCuedProducts() {
  if (lang_ != Lang::kChinese) return;
  static const std::u32string_view kNumerals = U"一二三四五六七八九十";
  for (const std::string& cue : rules_.product_cues[li_]) {
    for (size_t at = s_.find(cue); at != std::string_view::npos; at = s_.find(cue, at + cue.size())) {
      const size_t begin = at + cue.size();
      size_t end = begin;
      int chars = 0;
      bool numbered = false;
      while (end < s_.size() && chars < 6) {
        const char32_t cp = CodePointAt(s_, end);
        if (!IsHan(cp) || IsChineseFunction(cp)) break;
        end += 3, ++chars;
        // "飞星一号": a numeral and 号 end the name.
        if (cp == U'号' && chars >= 3 && kNumerals.find(CodePointBefore(s_, end - 3)) != std::u32string_view::npos) {
          numbered = true;
          break;
        }
        if (chars == 4) break;
      }
      if (!numbered) {
        // "思元290": the Han stem, then digits.
        if (chars < 2 || end >= s_.size() || std::isdigit(static_cast<unsigned char>(s_[end])) == 0) continue;
        while (end < s_.size() && (IsAsciiAlnum(static_cast<unsigned char>(s_[end])) || s_[end] == '.')) ++end;
        while (end > begin && s_[end - 1] == '.') --end;
      }
      if (Overlaps(begin, end)) continue;
      // (No verb inside: "芯片发布会" names nothing.)
      bool verb = false;
      for (size_t pos = begin + 3; pos <= end && !verb; pos += 3) verb = IsHan(CodePointBefore(s_, pos)) && TriggerEndsAt(pos);
      if (verb) continue;
      const std::string name(s_.substr(begin, end - begin));
      if (GenericWords().count(name) != 0) continue;
      const int entity = Discover(Written(name), "product", {}, "");
      if (entity < 0 || Kind(entity) != "product") continue;
      AddMention(MentionWithParticles(begin, end, entity));
    }
  }
}

// Chinese names by the verb before them: the unit after "旗下(的)" ("网易旗下的考拉"), what an
// organisation invests in or buys ("腾讯投资了百川智能。"), and a person who founded or led
// something ("由杨植麟创立"). The name runs to punctuation or a function word.
void Analysis::DiscoverChineseObjects() {
  static const std::vector<std::string_view> kBefore = {"旗下的", "旗下", "投资了", "收购了", "入股了", "领投了", "战略投资了", "控股了", "并购了",
                                                         "创办了", "创立了", "创建了", "创办"};
  // A round named after the name ends it: "投资希迪智驾天使轮", "领投星河智能的B轮".
  auto round_at = [&](size_t at) {
    std::string_view rest = s_.substr(at);
    if (rest.starts_with("的")) rest.remove_prefix(3);
    for (std::string_view round : {"天使", "种子", "战略", "新一", "Pre-", "pre-"}) {
      if (rest.starts_with(round)) return true;
    }
    size_t letters = 0;
    while (letters < rest.size() && letters < 3 && ((rest[letters] >= 'A' && rest[letters] <= 'F') || rest[letters] == '+')) ++letters;
    return letters > 0 && rest.substr(letters).starts_with("轮");
  };
  auto add_name = [&](size_t begin, std::string_view kind_hint) {
    size_t end = begin;
    size_t chars = 0;
    while (end < s_.size() && chars < 9) {
      char32_t cp = CodePointAt(s_, end);
      if (!(IsHan(cp) || IsAsciiAlnum(cp)) || (IsHan(cp) && IsChineseFunction(cp))) break;
      if (chars >= 2 && round_at(end)) break;
      // (A word that commonly follows a subject ends it: "千问APP正式开启公测".)
      if (chars >= 2 && StartsWithAny(s_.substr(end), rules_.name_end_words[li_])) break;
      end += IsHan(cp) ? 3 : 1;
      ++chars;
    }
    std::string_view name = s_.substr(begin, end - begin);
    if (CountCodePoints(name) < 2 || chars >= 9 || GenericWords().count(name) != 0 || Overlaps(begin, end)) return;
    // A description names nobody: "旗下的云计算公司", "旗下的搜索业务".
    for (std::string_view head : {"公司", "企业", "平台", "产品", "业务", "部门", "团队", "品牌", "项目", "基金会", "子公司"}) {
      if (name.ends_with(head)) return;
    }
    // The name must end the phrase: punctuation, a function word, a round or the sentence's end.
    char32_t next = CodePointAt(s_, end);
    if (end < s_.size() && IsHan(next) && !IsChineseFunction(next) && !round_at(end)) return;
    if (kind_hint == "round" && !round_at(end)) return;
    if (kind_hint == "round") kind_hint = "";
    std::string written(name);
    std::string kind(kind_hint);
    // An app is a product: "千问APP".
    bool app = name.ends_with("App") || name.ends_with("APP") || name.ends_with("app");
    if (kind == "app" && (!app || name.size() <= 3)) return;
    if (app) kind = "product";
    if (kind.empty() && !HasOrgSuffix(written, li_, &kind)) kind = "company";
    int entity = catalog_->FindByName(written);
    if (entity < 0) entity = Discover(Written(written), kind, {}, "");
    if (entity >= 0) AddMention(MentionWithParticles(begin, end, entity));
  };
  for (std::string_view cue : kBefore) {
    for (size_t at = s_.find(cue); at != std::string_view::npos; at = s_.find(cue, at + cue.size())) add_name(at + cue.size(), "");
  }
  // ... and what a bare investing verb takes when its round follows: "投资希迪智驾天使轮".
  for (std::string_view cue : {"投资", "领投", "跟投", "参投", "加注"}) {
    for (size_t at = s_.find(cue); at != std::string_view::npos; at = s_.find(cue, at + cue.size())) add_name(at + cue.size(), "round");
  }
  // An app launched: "阿里巴巴推出千问App".
  for (std::string_view cue : {"推出了", "推出", "发布了", "发布", "上线了", "上线"}) {
    for (size_t at = s_.find(cue); at != std::string_view::npos; at = s_.find(cue, at + cue.size())) {
      if (!Overlaps(at + cue.size(), at + cue.size() + 3)) add_name(at + cue.size(), "app");
    }
  }
  // People between a verb and the word that closes its phrase: "由杨植麟(博士)创立", "任命吴泳铭为CEO",
  // "聘请李明担任首席科学家": a surname and one or two characters.
  struct PersonCue {
    std::string_view open;
    std::vector<std::string_view> closes;
  };
  static const PersonCue kPersonCues[] = {
      {"由", {"创立", "创办", "发起", "创建", "联合创立"}},
      {"任命", {"为", "担任", "出任"}},
      {"聘请", {"为", "担任", "出任"}},
      {"委任", {"为", "担任", "出任"}},
      {"提名", {"为", "担任", "出任"}},
  };
  for (const PersonCue& cue : kPersonCues) {
    for (size_t at = s_.find(cue.open); at != std::string_view::npos; at = s_.find(cue.open, at + cue.open.size())) {
      size_t begin = at + cue.open.size();
      for (size_t chars = 2; chars <= 3; ++chars) {
        size_t end = begin + chars * 3;
        if (end > s_.size()) break;
        std::string_view rest = s_.substr(end);
        // (A courtesy title may follow the name: "由仇肖莘博士创立".)
        for (std::string_view courtesy : rules_.courtesy_titles[li_]) {
          if (rest.starts_with(courtesy)) rest.remove_prefix(courtesy.size());
        }
        if (std::none_of(cue.closes.begin(), cue.closes.end(), [&](std::string_view close) { return rest.starts_with(close); })) continue;
        std::string_view name = s_.substr(begin, chars * 3);
        bool all_han = true;
        for (size_t k = 0; k < chars; ++k) all_han = all_han && IsHan(CodePointAt(name, k * 3));
        if (!StartsWithSurname(name) || !all_han || Overlaps(begin, end)) continue;
        int entity = Discover(Written(std::string(name)), "person", {}, "");
        if (entity >= 0 && IsPerson(entity)) AddMention(MentionWithParticles(begin, end, entity));
        break;
      }
    }
  }
}

// A Chinese sentence that opens with an unknown name and a verb only organisations take
// ("星河智能成立于2023年", "启元世界宣布完成A轮融资"): the name is a company. A description
// ("通用人工智能公司启元世界") may stand before it.
void Analysis::DiscoverChineseSubjects() {
  if (lang_ != Lang::kChinese) return;
  DiscoverChineseObjects();
  static const std::vector<std::string_view> kVerbs = {"成立于", "创立于", "成立", "宣布", "宣布完成", "宣布获得", "完成了", "完成", "获得了", "获得",
                                                       "发布了", "发布", "推出了", "推出", "正式推出", "正式发布", "近日完成", "日前完成", "今日宣布"};
  static const std::vector<std::string_view> kDescriptions = {"公司", "企业", "初创", "平台", "独角兽", "机构", "厂商", "团队"};
  std::vector<std::string_view> not_start = {"该", "这", "那", "本", "其", "今", "昨", "近", "公司", "我们", "他们"};
  not_start.insert(not_start.end(), rules_.time_words[li_].begin(), rules_.time_words[li_].end());
  size_t begin = 0;
  // Skip a leading date or place phrase ended by punctuation: "7月12日，".
  for (size_t i = 0; i < std::min<size_t>(s_.size(), 30);) {
    char32_t cp = 0;
    size_t step = DecodeAt(s_, i, &cp);
    if (cp == U'，' || cp == U',') {
      begin = i + step;
      break;
    }
    i += step;
  }
  size_t at = std::string_view::npos;
  for (std::string_view verb : kVerbs) at = std::min(at, s_.find(verb, begin));
  // ... and an attribution before the name: "据明势创投发布，昉擎科技宣布".
  if (at != std::string_view::npos && at - begin <= 40 * 3) {
    for (std::string_view mark : {"，", ","}) {
      size_t comma = s_.substr(0, at).rfind(mark);
      if (comma != std::string_view::npos && comma >= begin) begin = std::max(begin, comma + mark.size());
    }
  }
  if (at == std::string_view::npos || at == begin || at - begin > 16 * 3) return;
  {
    size_t start = begin;
    // After a description ending in a category word, the name starts.
    for (std::string_view description : kDescriptions) {
      size_t d = s_.substr(begin, at - begin).rfind(description);
      if (d != std::string_view::npos && begin + d + description.size() < at) start = std::max(start, begin + d + description.size());
    }
    std::string_view name = s_.substr(start, at - start);
    // Adverbs between the name and the verb: "启元世界也于同日宣布".
    for (const std::vector<std::string>* words : {&rules_.adverbs[li_], &rules_.time_words[li_]}) {
      for (std::string_view adverb : *words) {
        if (name.ends_with(adverb)) name.remove_suffix(adverb.size());
      }
    }
    // ... and a speech verb: "星澜智能表示已完成".
    for (std::string_view said : {"表示", "透露", "宣称", "称"}) {
      if (name.ends_with(said)) name.remove_suffix(said.size());
    }
    // A date before it is no part of it: "6月11日就完成".
    for (bool dated = true; dated;) {
      size_t digits = 0;
      while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits])) != 0) ++digits;
      dated = false;
      for (std::string_view unit : {"年", "月", "日", "号"}) {
        if (!dated && digits > 0 && name.substr(digits).starts_with(unit)) name.remove_prefix(digits + unit.size()), dated = true;
      }
    }
    size_t points = CountCodePoints(name);
    bool all_name = points >= 2 && points <= 8 && std::all_of(name.begin(), name.end(), [](char c) { return c != ' '; });
    for (size_t k = 0; k < name.size() && all_name;) {
      char32_t cp = 0;
      k += DecodeAt(name, k, &cp);
      all_name = (IsHan(cp) && cp != U'的') || IsAsciiAlnum(cp);
    }
    bool generic = GenericWords().count(name) != 0;
    for (std::string_view word : not_start) generic = generic || name.starts_with(word);
    size_t name_begin = static_cast<size_t>(name.data() - s_.data());
    if (!all_name || generic || Overlaps(name_begin, name_begin + name.size())) return;
    // A known name before it is the subject ("小冰公司表示已完成"): what follows is no name.
    if (name_begin > begin && Overlaps(begin, name_begin)) return;
    // A surname and one or two characters may be a person: leave it to the title rules.
    if (points <= 3 && StartsWithSurname(name)) return;
    std::string written(name);
    std::string kind;
    if (!HasOrgSuffix(written, li_, &kind)) kind = "company";
    int entity = catalog_->FindByName(written);
    if (entity < 0) entity = Discover(Written(written), kind, {}, "");
    if (entity >= 0 && IsOrg(entity)) AddMention(MentionWithParticles(name_begin, name_begin + name.size(), entity));
  }
}

}  // namespace relgraph::importers::article
