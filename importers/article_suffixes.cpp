// Names the gazetteer does not know, found by their suffix: "한화그룹은", "SK ICT연합",
// "上海人工智能实验室", "北京大学武汉人工智能研究院", "Reka AI", "University of X"; and the kind
// a suffix gives.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

bool Analysis::HasOrgSuffix(std::string_view name, int lang_index, std::string* kind) const {
  for (const std::string& suffix : rules_.org_suffixes[lang_index]) {
    if (name.size() <= suffix.size() || !name.ends_with(suffix)) continue;
    std::string_view stem = TrimSpace(name.substr(0, name.size() - suffix.size()));
    if (stem.empty() || GenericWords().count(stem) != 0) continue;
    // "人工智能" is a field, not a name's 智能: "中国通用人工智能".
    if (suffix == "智能" && stem.ends_with("人工")) continue;
    auto found = rules_.org_suffix_kinds.find(suffix);
    std::string suffix_kind = found == rules_.org_suffix_kinds.end() ? "company" : found->second;
    // A Chinese collective word needs a real name before it: "组成联盟" is no name ("KT 컨소시엄"
    // is one).
    if ((suffix_kind == "government" || suffix_kind == "consortium") && CountCodePoints(stem) < 3 && IsHan(CodePointAt(stem, 0))) continue;
    *kind = std::move(suffix_kind);
    return true;
  }
  return false;
}

// Organisation names by suffix: "한화그룹은", "上海人工智能实验室", "Reka AI", "University of X".
void Analysis::DiscoverSuffixOrgs() {
  if (lang_ == Lang::kKorean) {
    // Names may carry "&" ("군인공제회C&C").
    auto name_char = [](char32_t cp) { return IsHangulOrAlnum(cp) || cp == U'&'; };
    for (size_t i = 0; i < s_.size();) {
      size_t end = RunEnd(s_, i, name_char);
      if (end == i) {
        char32_t cp = 0;
        i += DecodeAt(s_, i, &cp);
        continue;
      }
      std::string_view word = s_.substr(i, end - i);
      size_t word_begin = i;
      i = end;
      // The word starts after a space, a quote or a list bullet ("▲IMM인베스트먼트(50억원)").
      static const std::u32string_view kOpeners = U"'‘“\"▲△■□●○◆◇▶·(（[「『《";
      if (Overlaps(word_begin, end) || (word_begin > 0 && !IsSpace(s_[word_begin - 1]) && kOpeners.find(CodePointBefore(s_, word_begin)) == std::u32string_view::npos)) continue;
      if (AfterListCategory(word_begin)) continue;
      for (const std::string& suffix : rules_.org_suffixes[li_]) {
        size_t at = word.find(suffix);
        if (at == std::string_view::npos) continue;
        if (at == 0) {
          // "루디우스 게임즈는": a suffix written as a word of its own ends the name of the word
          // before it, when that word is no common word, title, verb or particle's host (and the
          // suffix no common noun itself: "국산 반도체를").
          if (std::find(rules_.bound_suffixes[li_].begin(), rules_.bound_suffixes[li_].end(), suffix) != rules_.bound_suffixes[li_].end()) continue;
          Role role;
          std::string particles;
          if (word_begin < 2 || s_[word_begin - 1] != ' ' || !ParseParticles(word.substr(suffix.size()), &role, &particles) || role == Role::kTitle) continue;
          size_t previous_end = word_begin - 1;
          size_t previous_begin = RunStart(s_, previous_end, name_char);
          std::string previous(s_.substr(previous_begin, previous_end - previous_begin));
          auto found_kind = rules_.org_suffix_kinds.find(suffix);
          const bool consortium = found_kind != rules_.org_suffix_kinds.end() && found_kind->second == "consortium";
          // A consortium known by its leader: named in the text's script, aliased in English.
          auto add_consortium = [&](int leader, const std::string& name, size_t begin, size_t end) {
            std::string english = catalog_->at(leader).entity.name + " consortium";
            AddMention(MentionWithParticles(begin, end, Discover(Written(name), "consortium", {english}, "")));
          };
          // A consortium the subject forms without naming it ("NC AI는 … 14개 기관으로 컨소시엄을
          // 꾸렸다") goes by its leader's name: "NC AI 컨소시엄".
          // (Not when a name stands right before it: "누리온 얼라이언스를 결성했다" names one.)
          if (consortium && role == Role::kObject && word.size() == end - word_begin &&
              rules_.EndsInKorean(previous, kParticleEnding | kVerbEnding)) {
            std::string_view next = s_.substr(SkipSpaces(s_, end));
            bool formed = false;
            for (const Rule& rule : rules_.rules) {  // the verbs of forming an alliance
              if (rule.lang != lang_ || rule.type != "member_of" || !Contains(rule.target_kinds, std::string("consortium"))) continue;
              for (size_t t = rule.noun_triggers; t < rule.triggers.size(); ++t) formed = formed || next.starts_with(rule.triggers[t]);
            }
            auto leader = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
              return mention.end <= word_begin && mention.role == Role::kSubject && mention.entity >= 0 && IsOrg(mention.entity) && !mention.anaphor;
            });
            if (formed && leader != mentions_.end()) {
              add_consortium(leader->entity, std::string(s_.substr(leader->begin, leader->end - leader->begin)) + " " + suffix, word_begin, word_begin + suffix.size());
              break;
            }
          }
          // A consortium named after its leader: "LG 컨소시엄", "KT 얼라이언스".
          // (The leader's name may have words of its own: "NC AI 컨소시엄".)
          auto leader = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
            return mention.begin <= previous_begin && mention.end == previous_end && mention.word_end == previous_end && mention.entity >= 0 &&
                   IsOrg(mention.entity) && !mention.anaphor;
          });
          if (consortium && leader != mentions_.end()) {
            size_t leader_begin = leader->begin;
            const int leader_entity = leader->entity;
            mentions_.erase(leader);
            // "더존비즈온·퓨리오사AI 컨소시엄": a consortium named by all its members, who partner.
            std::vector<int> members = {leader_entity};
            for (int hops = 0; hops < 4 && s_.substr(0, leader_begin).ends_with("·"); ++hops) {
              const size_t dot = leader_begin - std::string_view("·").size();
              auto member = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
                return mention.end == dot && mention.word_end == dot && mention.entity >= 0 && IsOrg(mention.entity) && !mention.anaphor;
              });
              if (member == mentions_.end()) break;
              members.insert(members.begin(), member->entity);
              leader_begin = member->begin;
              mentions_.erase(member);
            }
            if (members.size() >= 2) joint_members_.push_back({members, leader_begin});
            add_consortium(leader_entity, std::string(s_.substr(leader_begin, word_begin + suffix.size() - leader_begin)), leader_begin, word_begin + suffix.size());
            break;
          }
          size_t points = CountCodePoints(previous);
          // (A count is no name: "4대 그룹", "3대 은행".)
          if (!previous.empty() && std::isdigit(static_cast<unsigned char>(previous[0])) != 0) continue;
          if (points < 2 || points > 8 || Overlaps(previous_begin, previous_end) || rules_.EndsInKorean(previous, kParticleEnding | kVerbEnding) ||
              (previous_begin > 0 && !IsSpace(s_[previous_begin - 1]) && kOpeners.find(CodePointBefore(s_, previous_begin)) == std::u32string_view::npos) ||
              CommonNouns().count(previous) != 0 || NotNames().count(previous) != 0 || GenericWords().count(previous) != 0 || ContainsTitle(previous)) {
            continue;
          }
          std::string name(s_.substr(previous_begin, word_begin + suffix.size() - previous_begin));
          std::string kind;
          HasOrgSuffix(name, li_, &kind);
          AddMention(MentionWithParticles(previous_begin, word_begin + suffix.size(), Discover(Written(name), kind.empty() ? "company" : kind, {}, "")));
          break;
        }
        // A Latin tail after the suffix belongs to the name: "군인공제회C&C가".
        size_t tail = at + suffix.size();
        while (tail < word.size() && (IsAsciiAlnum(static_cast<unsigned char>(word[tail])) || word[tail] == '&')) ++tail;
        if (tail > at + suffix.size() && !IsAsciiAlnum(static_cast<unsigned char>(word[tail - 1]))) tail = at + suffix.size();
        Role role;
        std::string particles;
        if (!ParseParticles(word.substr(tail), &role, &particles) || role == Role::kTitle) continue;
        // "서빙로봇 기업이다": a bare word right before a kind noun describes the kind, no name.
        if (particles.empty() && SkipSpaces(s_, end) > end && StartsWithAny(s_.substr(SkipSpaces(s_, end)), rules_.org_cues[li_])) continue;
        std::string_view stem = word.substr(0, at);
        // A generic word before the suffix names a unit of the known organisation before it:
        // "SK ICT연합" (not "ICT연합" alone).
        size_t name_begin = word_begin;
        if (GenericWords().count(stem) != 0 && word_begin >= 2) {
          auto owner = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
            return mention.word_end == word_begin - 1 && mention.end == mention.word_end && mention.entity >= 0 && IsOrg(mention.entity) && !mention.anaphor;
          });
          if (owner == mentions_.end()) continue;
          name_begin = owner->begin;
          mentions_.erase(owner);
        } else if (GenericWords().count(stem) != 0 || CountCodePoints(stem) < 2) {
          continue;
        }
        bool latin_only = std::all_of(stem.begin(), stem.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
        if (latin_only && stem.size() < 2) continue;
        std::string name(s_.substr(name_begin, word_begin + tail - name_begin));
        std::string kind;
        HasOrgSuffix(std::string(s_.substr(name_begin, word_begin + at + suffix.size() - name_begin)), li_, &kind);
        int entity = Discover(Written(name), kind.empty() ? "company" : kind, {}, "");
        Mention mention = MentionWithParticles(name_begin, name_begin + name.size(), entity);
        AddMention(mention);
        break;
      }
    }
    return;
  }
  if (lang_ == Lang::kChinese) {
    for (const std::string& suffix : rules_.org_suffixes[li_]) {
      for (size_t at = s_.find(suffix); at != std::string_view::npos; at = s_.find(suffix, at + suffix.size())) {
        size_t end = at + suffix.size();
        // A known name that is only a generic word and a suffix ("人工智能联盟") is the tail of a
        // longer name when a qualifier stands before it ("华东人工智能联盟").
        std::erase_if(mentions_, [&](const Mention& mention) {
          if (mention.end != end || mention.begin >= at || mention.begin < 6) return false;
          std::string_view stem = s_.substr(mention.begin, at - mention.begin);
          if (GenericWords().count(stem) == 0) return false;
          char32_t before = CodePointBefore(s_, mention.begin), earlier = CodePointBefore(s_, mention.begin - 3);
          return IsHan(before) && IsHan(earlier) && !IsChineseFunction(before) && !IsChineseFunction(earlier) && !Overlaps(mention.begin - 6, mention.begin);
        });
        if (Overlaps(at, end)) continue;
        if (s_.substr(at).starts_with("控股子公司")) continue;  // "X集团控股子公司Y": 控股 is the subsidiary's word
        char32_t next = CodePointAt(s_, end);
        bool title_next = false;
        for (const Title& title : rules_.titles[li_]) title_next = title_next || s_.substr(end).starts_with(title.word);
        // Chinese writes no spaces: the name ends before a function word, a title or a verb that
        // commonly follows a subject ("星河科技宣布", "某某资本领投": name_end_words).
        bool follower = false;
        for (const std::string& word : rules_.name_end_words[li_]) follower = follower || s_.substr(end).starts_with(word);
        // ... or before a rule's verb ("星河科技领投").
        for (const Rule& rule : rules_.rules) {
          if (rule.lang != lang_ || follower) continue;
          for (const std::string& trigger : rule.triggers) follower = follower || s_.substr(end).starts_with(trigger);
        }
        if (IsHan(next) && !IsChineseFunction(next) && !title_next && !follower) continue;
        // "收购美国机器学习公司Kaggle", "芯片初创公司 Celestial AI": a description of the name right
        // after it (a space may come between).
        const size_t after_space = SkipSpaces(s_, end);
        bool name_next = IsAsciiAlnum(CodePointAt(s_, after_space)) ||
                         std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) { return mention.begin == end || mention.begin == after_space; });
        if (name_next && !title_next && (suffix == "公司" || s_.substr(0, end).ends_with("初创公司"))) continue;
        size_t start = at;
        size_t chars = 0;
        size_t absorbed = SIZE_MAX;  // where a known name the new one takes in begins
        while (start > 0 && chars < 16) {
          char32_t cp = CodePointBefore(s_, start);
          if (!IsHan(cp) || IsChineseFunction(cp)) break;
          // A verb of a rule ends the name: "间接持有星河科技" is 星河科技 (but a legal name's
          // business word does not end there: "星河投资管理有限公司").
          std::string_view head = s_.substr(0, start);
          if (chars >= 2 && TriggerEndsAt(start) && !Contains(rules_.legal_name_words[li_], s_.substr(start, at - start))) break;
          // A description ends before the name: "通用机器人公司云岫智能"; so does a time word
          // ("今天云岫集团发布").
          // (So does a role: "的股东云岫资本", "的合作伙伴海川科技".)
          if (chars >= 2 && (head.ends_with("公司") || head.ends_with("企业") || head.ends_with("平台") || head.ends_with("厂商") || head.ends_with("旗下") ||
                             head.ends_with("股东") || head.ends_with("投资方") || head.ends_with("投资人") || head.ends_with("合作伙伴") ||
                             head.ends_with("客户") || head.ends_with("对手"))) {
            break;
          }
          if (chars >= 2 && EndsWithAny(head, rules_.time_words[li_])) break;
          // ... and so does a word that opens a clause ("来自星河科技的消息").
          if (chars >= 2 && EndsWithAny(head, rules_.clause_openers[li_])) break;
          // ... and so does a word of means ("依托星河促进会").
          if (chars >= 2 && EndsWithAny(head, rules_.means_words[li_])) break;
          // ... and so does a list cue ("包括星河资本、云岫创投").
          if (chars >= 2 && EndsWithAny(head, rules_.list_cues[li_])) break;
          auto before_name = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& mention) { return mention.end == start && mention.begin < start; });
          if (before_name != mentions_.end()) {
            // A known organisation written right before the name is the first part of it: "北京大学
            // 武汉人工智能研究院" is one institute (of the university), not the university.
            // So is "上海交大基金会": a unit's suffix right after a known name names the unit.
            static const std::unordered_set<std::string_view> kUnitSuffixes = {"基金会", "基金會", "研究院", "研究所", "实验室", "實驗室", "研究中心"};
            bool unit = chars == 0 && kUnitSuffixes.count(suffix) != 0;
            if ((chars >= 2 || unit) && before_name->entity >= 0 && IsOrg(before_name->entity) && !before_name->anaphor) {
              absorbed = before_name->begin;
              start = before_name->begin;
            }
            break;
          }
          start -= 3;
          ++chars;
        }
        std::string_view stem = s_.substr(start, at - start);
        if ((chars < 2 && absorbed == SIZE_MAX) || GenericWords().count(stem) != 0) continue;
        // (No name holds "旗下": "建设银行旗下子公司" describes a unit of the bank.)
        if (stem.find("旗下") != std::string_view::npos) continue;
        // A walk stopped by its length alone cut a longer run at an arbitrary character.
        if (chars == 16 && absorbed == SIZE_MAX && start > 0 && IsHan(CodePointBefore(s_, start)) && !IsChineseFunction(CodePointBefore(s_, start))) continue;
        // A count is no name: "9398万股股份".
        if (start > 0 && std::isdigit(static_cast<unsigned char>(s_[start - 1])) != 0) continue;
        if (absorbed != SIZE_MAX) {
          std::string name(s_.substr(start, end - start));
          std::string kind;
          if (!HasOrgSuffix(name, li_, &kind)) continue;
          std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin == absorbed && mention.end <= at; });
          AddMention(MentionWithParticles(start, end, Discover(Written(name), kind, {}, "")));
          continue;
        }
        // "是一家AI基础设施公司": a description, no name.
        size_t lead = start;
        while (lead > 0 && (std::isalnum(static_cast<unsigned char>(s_[lead - 1])) != 0 || s_[lead - 1] == ' ')) --lead;
        std::string_view before_stem = s_.substr(0, lead);
        // "是一家AI基础设施公司", "是AI基础设施公司": a description; "是云岫集团的子公司" names one.
        if (before_stem.ends_with("家") || before_stem.ends_with("个")) continue;
        if ((before_stem.ends_with("是") || before_stem.ends_with("为")) && suffix == "公司") continue;
        if ((before_stem.ends_with("的") || before_stem.ends_with("旗下")) && suffix == "公司") continue;  // "旗下(的)云计算公司": a description
        // "获取新公司的股权", "接任公司CEO", "现任公司董事长": "the new company", "(the post) of the
        // company" name none.
        if (suffix == "公司" && (stem.ends_with("新") || (CountCodePoints(stem) == 2 && stem.ends_with("任")))) continue;
        bool generic_start = false;
        for (std::string_view word : {"该", "这", "那", "一", "多", "其", "某", "本", "各", "首", "子", "母", "旗下", "人工智能", "科技", "国内", "全球"}) {
          generic_start = generic_start || stem.starts_with(word);
        }
        // (An institution's long name may start with a field: "人工智能产业发展联盟".)
        bool institution = suffix == "联盟" || suffix == "协会" || suffix == "研究院" || suffix == "委员会";
        if (generic_start && !(institution && CountCodePoints(stem) >= 6)) continue;
        std::string name(s_.substr(start, end - start));
        std::string kind;
        if (GenericWords().count(name) != 0 || !HasOrgSuffix(name, li_, &kind)) continue;
        // A generic phrase with words before it is a description: "促进地方政府" ends in "地方政府".
        bool generic_tail = false;
        for (size_t tail = start + 3; tail < at && !generic_tail; tail += 3) generic_tail = GenericWords().count(std::string(s_.substr(tail, end - tail))) != 0;
        if (generic_tail) continue;
        int entity = Discover(Written(name), kind, {}, "");
        AddMention(MentionWithParticles(start, end, entity));
      }
    }
    return;
  }
  // English: capitalised words ending in a suffix word.
  for (const std::string& suffix : rules_.org_suffixes[li_]) {
    for (size_t at = s_.find(suffix); at != std::string_view::npos; at = s_.find(suffix, at + 1)) {
      size_t end = at + suffix.size();
      if (at == 0 || s_[at - 1] != ' ' || (end < s_.size() && std::isalnum(static_cast<unsigned char>(s_[end])) != 0)) continue;
      if (suffix.back() != '.' && end < s_.size() && s_[end] == '.' && end + 1 < s_.size() && std::isalnum(static_cast<unsigned char>(s_[end + 1])) != 0) continue;
      // "University of Tokyo": take the words after "of".
      if ((suffix == "University" || suffix == "Institute" || suffix == "Academy") && s_.substr(end).starts_with(" of ")) {
        size_t tail = end + 4;
        size_t tail_end = tail;
        while (tail_end < s_.size() && IsAsciiUpper(static_cast<unsigned char>(s_[tail_end]))) {
          while (tail_end < s_.size() && std::isalpha(static_cast<unsigned char>(s_[tail_end])) != 0) ++tail_end;
          if (tail_end + 1 < s_.size() && s_[tail_end] == ' ' && IsAsciiUpper(static_cast<unsigned char>(s_[tail_end + 1]))) ++tail_end;
          else break;
        }
        if (tail_end > tail) end = tail_end;
      }
      size_t start = at - 1;
      int words = 0;
      while (start > 0) {
        size_t word_end = start;
        size_t word_start = word_end;
        while (word_start > 0 && (std::isalnum(static_cast<unsigned char>(s_[word_start - 1])) != 0 || s_[word_start - 1] == '-' || s_[word_start - 1] == '&')) --word_start;
        if (word_start == word_end || !(IsAsciiUpper(static_cast<unsigned char>(s_[word_start])) || std::isdigit(static_cast<unsigned char>(s_[word_start])) != 0)) break;
        std::string_view word = s_.substr(word_start, word_end - word_start);
        // (nor a place or nationality: "an Australian AI cloud provider")
        if (GenericWords().count(word) != 0) break;
        // (... but a place may open the name; see PlaceOpensName.)
        if (rules_.not_names[li_].count(std::string(word)) != 0) {
          if (PlaceOpensName(words + 1)) start = word_start, ++words;
          break;
        }
        // (nor a day or a year: "Jan 26 Vantic Systems", "In 2024 Vantic Systems"; "500 Startups" is one)
        bool digits = std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
        // (... but a four-digit number alone before the suffix is its name: "1789 Capital".)
        if (digits && (word.size() <= 2 || word.size() == 4)) {
          const std::string_view lead = std::string_view(lower_).substr(0, word_start);
          const bool dated = word.size() <= 2 || lead.ends_with("in ") || lead.ends_with("since ") || lead.ends_with("by ") || lead.ends_with("from ") ||
                             lead.ends_with("of ") || lead.ends_with("until ");
          if (words > 0 || dated) break;
        }
        // A hyphenated modifier opens no name: "NY-based Flatiron Health".
        size_t dash = word.rfind('-');
        if (dash != std::string_view::npos && dash + 1 < word.size() && std::islower(static_cast<unsigned char>(word[dash + 1])) != 0) break;
        start = word_start;
        ++words;
        if (start == 0 || s_[start - 1] != ' ') break;
        --start;
      }
      if (words == 0) continue;
      if (s_[start] == ' ') ++start;
      // "Norma Labs Ltd.": a legal form after a name that ends in a suffix of its own is absorbed
      // by that name (AbsorbLegalForms), which stays the canonical one.
      if (LegalForms().count(Lower(suffix)) != 0) {
        std::string_view head = TrimSpace(s_.substr(start, at - start));
        size_t space = head.rfind(' ');
        std::string_view last_word = space == std::string_view::npos ? std::string_view() : head.substr(space + 1);
        if (!last_word.empty() && std::find(rules_.org_suffixes[li_].begin(), rules_.org_suffixes[li_].end(), last_word) != rules_.org_suffixes[li_].end()) continue;
      }
      // A sentence-initial capital proves nothing for generic suffixes.
      if (start == 0 && words == 1 && (suffix == "Research" || suffix == "Systems" || at - start < 5)) continue;
      // A known organisation before a unit's suffix names the unit: "Nvidia GPU Ventures",
      // "Intel Capital" (the unit takes the parent's name in).
      static const std::unordered_set<std::string_view> kUnitSuffixes = {"Ventures", "Capital", "Research", "Labs", "Lab", "Cloud", "Foundation", "Fund"};
      if (kUnitSuffixes.count(suffix) != 0) {
        const bool only_orgs_before = std::all_of(mentions_.begin(), mentions_.end(), [&](const Mention& mention) {
          const bool overlapping = mention.begin < end && mention.end > start;
          return !overlapping || (mention.begin >= start && mention.end <= at && mention.entity >= 0 && IsOrg(mention.entity) && !mention.anaphor);
        });
        if (only_orgs_before && Overlaps(start, end)) {
          std::erase_if(mentions_, [&](const Mention& mention) { return mention.begin < end && mention.end > start; });
        }
      }
      if (Overlaps(start, end)) continue;
      std::string name(s_.substr(start, end - start));
      std::string kind;
      HasOrgSuffix(name, li_, &kind);
      if (suffix == "University" && kind.empty()) kind = "university";
      int entity = Discover(Written(name), kind.empty() ? "company" : kind, {}, name);
      AddMention(MentionWithParticles(start, end, entity));
    }
  }
}

}  // namespace relgraph::importers::article
