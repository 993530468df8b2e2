// Relations written into a noun phrase, with no trigger verb.
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

// English PARENT's UNIT: "Alphabet's Google", "SoftBank's Vision Fund": an organisation's
// possessive right before another organisation whose name ends the phrase ("SoftBank's OpenAI
// stake" names a stake, no unit).
bool Analysis::PossessiveUnit(const Mention& owner, const Mention& unit) const {
  if (lang_ != Lang::kEnglish || owner.role != Role::kGenitive || owner.entity < 0 || unit.entity < 0 || owner.anaphor || !IsOrg(owner.entity) ||
      !IsOrg(unit.entity) || SkipSpaces(s_, owner.word_end) != unit.begin) {
    return false;
  }
  // (A name the text alone gives after a possessive is as often a product: "Microsoft's Cortana".)
  if (catalog_->at(unit.entity).discovered) return false;
  // (A place owns nothing: "France's Mistral AI" says where it is.)
  if (rules_.not_names[li_].count(std::string(s_.substr(owner.begin, owner.end - owner.begin))) != 0) return false;
  // (A plural possessive is more often part of one name: "Teachers' Venture Growth".)
  std::string_view mark = s_.substr(owner.end);
  if (!mark.starts_with("'s") && !mark.starts_with("’s")) return false;
  std::string_view after = std::string_view(lower_).substr(unit.word_end);
  for (std::string_view next : {",", ".", ";", ")", " and ", " or ", " is ", " was ", " has ", " had ", " will ", " said", " says"}) {
    if (after.starts_with(next)) return true;
  }
  return after.empty();
}

// Relations written into a noun phrase, with no trigger verb: possessive products ("오픈AI의
// 챗GPT", "OpenAI's ChatGPT", "月之暗面的Kimi"), "Microsoft-backed OpenAI", and a product's
// maker named after it ("ChatGPT maker OpenAI", "챗봇 ‘이루다’ 개발사 스캐터랩").
void Analysis::ApplyCompounds(std::vector<Extraction>* out) {
  std::vector<Mention> all = mentions_;
  all.insert(all.end(), modifiers_.begin(), modifiers_.end());
  std::sort(all.begin(), all.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  auto add = [&](int source, int target, const char* type, const char* rule, double confidence, size_t pos) {
    if (source < 0 || target < 0 || source == target) return;
    Extraction extraction{source, target, type, rule, confidence, false, "", {}};
    if (catalog_->at(source).discovered || catalog_->at(target).discovered) extraction.confidence -= 0.05;
    extraction.amount_value.begin = pos;
    out->push_back(extraction);
  };
  // Korean "A전자와 A디스플레이 등 (각) 계열사": the affiliates of the group whose name opens
  // theirs (a known organisation named by a shorter prefix of the member's own name).
  if (lang_ == Lang::kKorean) {
    for (const Group& group : groups_) {
      std::string_view after = s_.substr(SkipSpaces(s_, group.end));
      if (!after.starts_with("등 ")) continue;
      // The affiliate noun is one of the next three words ("등 계열사", "등 각 계열사", "등 주요
      // 계열사 7곳이").
      bool affiliates = false;
      after.remove_prefix(std::string_view("등 ").size());
      for (int words = 0; words < 3 && !affiliates && !after.empty(); ++words) {
        const auto& nouns = rules_.affiliate_nouns[li_];
        affiliates = std::any_of(nouns.begin(), nouns.end(), [&](const std::string& noun) { return after.starts_with(noun); });
        const size_t space = after.find(' ');
        after = space == std::string_view::npos ? std::string_view() : after.substr(space + 1);
      }
      if (!affiliates) continue;
      for (int member : group.members) {
        const Mention& mention = mentions_[static_cast<size_t>(member)];
        if (mention.entity < 0 || !IsOrg(mention.entity) || mention.anaphor) continue;
        std::string_view name = s_.substr(mention.begin, mention.end - mention.begin);
        for (size_t cut = name.size(); cut-- > 2;) {
          if ((static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) continue;  // inside a code point
          int parent = catalog_->FindByName(std::string(TrimSpace(name.substr(0, cut))));
          if (parent >= 0 && parent != mention.entity && IsOrg(parent)) {
            add(mention.entity, parent, "part_of", "affiliate_list", 0.78, mention.begin);
            break;
          }
        }
      }
    }
  }
  auto short_gap = [&](size_t begin, size_t end, size_t max_bytes) {
    if (end < begin || end - begin > max_bytes) return false;
    std::string_view between = s_.substr(begin, end - begin);
    return between.find_first_of(",;:.!?()") == std::string_view::npos && between.find("，") == std::string_view::npos &&
           between.find("、") == std::string_view::npos && std::count(between.begin(), between.end(), ' ') <= 3;
  };
  // English "MPT-30B by Databricks", "GPT-J by EleutherAI": a model named with its maker. The
  // name is a product, or looks like a model's (a digit or a single-letter version: "GPT-J").
  if (lang_ == Lang::kEnglish) {
    auto model_like = [&](const Mention& mention) {
      if (Kind(mention.entity) == "product") return true;
      if (!catalog_->at(mention.entity).discovered) return false;
      std::string_view name = s_.substr(mention.begin, mention.end - mention.begin);
      bool digit = std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
      bool letter_version = name.size() >= 3 && name[name.size() - 2] == '-' && IsAsciiUpper(static_cast<unsigned char>(name.back()));
      return (digit || letter_version) && name.find(' ') == std::string_view::npos;
    };
    for (size_t m = 0; m + 1 < mentions_.size(); ++m) {
      const Mention& product = mentions_[m];
      const Mention& maker = mentions_[m + 1];
      if (product.entity < 0 || maker.entity < 0 || !IsOrg(maker.entity) || !model_like(product)) continue;
      if (s_.substr(product.word_end, maker.begin - product.word_end) != " by ") continue;
      if (catalog_->at(product.entity).discovered && Kind(product.entity) != "product") catalog_->SetDiscoveredKind(product.entity, "product");
      add(maker.entity, product.entity, "develops", "product_by_maker", 0.8, product.begin);
    }
  }
  // "SK텔레콤·SK하이닉스 등 SK ICT연합", "百度、腾讯等组成的联盟": a list right before a
  // consortium's name lists its members.
  for (const Group& group : groups_) {
    if (group.members.size() < 2) continue;
    std::string_view rest = s_.substr(SkipSpaces(s_, group.end));
    size_t skip = rest.starts_with("등") ? 3 : rest.starts_with("等") ? 3 : 0;
    if (skip == 0) continue;
    size_t at = SkipSpaces(s_, static_cast<size_t>(rest.data() - s_.data()) + skip);
    for (const Mention& mention : mentions_) {
      if (mention.begin != at || mention.entity < 0 || Kind(mention.entity) != "consortium") continue;
      for (int member : group.members) {
        const Mention& item = mentions_[static_cast<size_t>(member)];
        if (item.entity >= 0 && IsOrg(item.entity)) add(item.entity, mention.entity, "member_of", "members_before_consortium", 0.8, item.begin);
      }
    }
  }
  // "자사 업무 도구 코파일럿(Copilot)", "自研的大模型“星河”": the topic's own product (the
  // sentence's first subject when it is an organisation, else the text's topic).
  int owner_topic = discourse_->topic;
  for (const Group& group : groups_) {
    if (group.role == (lang_ == Lang::kKorean ? Role::kSubject : Role::kNone) && !group.embedded && !InLocative(group)) {
      int first = mentions_[static_cast<size_t>(group.members.front())].entity;
      if (first >= 0 && IsOrg(first)) owner_topic = first;
      break;
    }
  }
  for (const Mention& mention : all) {
    if (owner_topic < 0 || mention.entity < 0 || Kind(mention.entity) != "product" || !IsOrg(owner_topic)) continue;
    std::string_view before = s_.substr(mention.begin >= 48 ? mention.begin - 48 : 0, std::min<size_t>(mention.begin, 48));
    // English: "launched its new chatbot called Bard", "its own model, Gemini".
    std::string lower_before = Lower(before);
    for (std::string_view own : {"자사 ", "自家", "自研", " its own ", " its new ", " its latest "}) {
      size_t at = lang_ == Lang::kEnglish ? lower_before.rfind(own) : before.find(own);
      if (at == std::string_view::npos) continue;
      std::string_view stretch = before.substr(at);
      bool apposition = lang_ == Lang::kEnglish && stretch.find(',') == stretch.size() - 2 && stretch.ends_with(", ");
      if (stretch.find_first_of(",.") == std::string_view::npos || apposition) {
        add(owner_topic, mention.entity, "develops", "own_product", 0.78, mention.begin);
        break;
      }
    }
    // "Its chatbot, Humain Chat", "its AI assistant Nova": "its" and a product word.
    if (lang_ == Lang::kEnglish) {
      std::string padded = " " + lower_before;
      size_t at = padded.rfind(" its ");
      if (at == std::string::npos) continue;
      std::string_view described = std::string_view(padded).substr(at + 5);
      if (described.ends_with(", ")) described.remove_suffix(2);
      if (described.find_first_of(",.;:") == std::string_view::npos && EndsInKindWord(described, rules_.product_cues[li_])) {
        add(owner_topic, mention.entity, "develops", "own_product", 0.78, mention.begin);
      }
    }
  }
  // "use AWS as its primary cloud provider", "make Google Cloud its “preferred cloud provider”":
  // the organisation supplies the one "its" stands for.
  for (const Mention& mention : mentions_) {
    if (lang_ != Lang::kEnglish || owner_topic < 0 || !IsOrg(owner_topic) || mention.entity < 0 || mention.entity == owner_topic || !IsOrg(mention.entity)) continue;
    std::string rest = Lower(s_.substr(mention.word_end, 80));
    if (rest.starts_with(" (") && rest.find(')') != std::string::npos) rest.erase(0, rest.find(')') + 1);  // a gloss: "(AWS)"
    size_t its = rest.starts_with(" as its ") ? 8 : rest.starts_with(" its ") ? 5 : 0;
    if (its == 0) continue;
    std::string role;
    for (char c : rest.substr(its)) {
      if (c == ',' || c == '.' || c == ';' || c == '(') break;
      if (c != '"') role += c;
    }
    // (Curly quotes around the role are no words of it.)
    for (std::string_view quote : {"\xe2\x80\x9c", "\xe2\x80\x9d"}) {
      for (size_t q = role.find(quote); q != std::string::npos; q = role.find(quote)) role.erase(q, quote.size());
    }
    std::string_view words = TrimSpace(role);
    for (std::string_view word : {"provider", "supplier", "vendor"}) {
      size_t at = words.find(word);
      if (at == std::string_view::npos || std::count(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(at), ' ') > 3) continue;
      add(mention.entity, owner_topic, "supplies", "provider_of", 0.78, mention.begin);
      break;
    }
  }
  // "ORG's products, such as A, B and C", "its most important products, including A": the
  // products listed after a plural product word are the owner's.
  if (lang_ == Lang::kEnglish) {
    for (const Group& group : groups_) {
      if (group.carried || group.begin < 12) continue;
      auto product = [&](int m) {
        const Mention& mention = mentions_[static_cast<size_t>(m)];
        return mention.entity >= 0 && Kind(mention.entity) == "product" && !mention.anaphor;
      };
      const bool products = std::any_of(group.members.begin(), group.members.end(), product);
      if (!products) continue;
      std::string_view before = std::string_view(lower_).substr(0, group.begin);
      size_t cue_at = std::string_view::npos;
      for (std::string_view cue : {", such as ", " such as ", ", including ", " including ", ", like "}) {
        if (cue_at == std::string_view::npos && before.ends_with(cue)) cue_at = before.size() - cue.size();
      }
      if (cue_at == std::string_view::npos) continue;
      const std::string_view phrase = before.substr(0, cue_at);
      // (English product cues are stored lower-cased.)
      const bool plural = std::any_of(rules_.product_cues[li_].begin(), rules_.product_cues[li_].end(), [&](const std::string& cue) {
        return phrase.ends_with(cue + "s") || phrase.ends_with(cue + "es");
      }) || phrase.ends_with("products") || phrase.ends_with("services");
      if (!plural) continue;
      // The owner: a possessive organisation or "its"/"the company's" (the topic) within the phrase.
      const size_t from = phrase.size() > 80 ? phrase.size() - 80 : 0;
      const std::string_view near = phrase.substr(from);
      if (near.find_first_of(",;.") != std::string_view::npos) continue;
      int owner = -1;
      for (const Mention& mention : mentions_) {
        if (mention.entity >= 0 && IsOrg(mention.entity) && mention.role == Role::kGenitive && mention.begin >= from && mention.word_end <= cue_at) owner = mention.entity;
      }
      if (owner < 0 && (near.find("its ") != std::string_view::npos || near.find("the company's ") != std::string_view::npos) && owner_topic >= 0 && IsOrg(owner_topic)) {
        owner = owner_topic;
      }
      if (owner < 0) continue;
      for (int m : group.members) {
        if (product(m)) add(owner, mentions_[static_cast<size_t>(m)].entity, "develops", "listed_products", 0.78, mentions_[static_cast<size_t>(m)].begin);
      }
    }
  }
  // BACKER-led ROUND: "raised $2 billion in a Nvidia-led financing": the backer invests in the
  // one who raises, the clause's subject (else the sentence before's topic).
  for (const Mention& modifier : modifiers_) {
    if (lang_ != Lang::kEnglish || modifier.entity < 0) continue;
    std::string rest = Lower(s_.substr(modifier.end, 40));
    if (!rest.starts_with("-led ") && !rest.starts_with("-co-led ")) continue;
    bool round = false;
    for (std::string_view word : {" round", " financing", " funding", " investment", " series"}) round = round || rest.find(word) != std::string::npos;
    if (!round) continue;
    int raiser = -1;
    for (const Group& group : groups_) {
      if (group.end > modifier.begin) break;
      if (group.role == Role::kNone && !group.embedded && Clause(group.begin) == Clause(modifier.begin)) {
        raiser = mentions_[static_cast<size_t>(group.members.front())].entity;
        break;
      }
    }
    if (raiser < 0) raiser = discourse_->topic;
    if (raiser >= 0 && IsOrg(raiser)) add(modifier.entity, raiser, "invests_in", "led_compound", 0.8, modifier.begin);
  }
  // UNIT(PARENT旗下子公司), UNIT (a subsidiary of PARENT), PARENT(UNIT母公司).
  for (const DescribedUnit& described : described_units_) add(described.unit, described.parent, "part_of", "parent_gloss", 0.78, described.pos);
  // "A·B 컨소시엄": the members of a consortium named by them all partner.
  for (const JointMembers& joint : joint_members_) {
    for (size_t a = 0; a < joint.members.size(); ++a) {
      for (size_t b = a + 1; b < joint.members.size(); ++b) add(joint.members[a], joint.members[b], "partners_with", "joint_consortium", 0.78, joint.pos);
    }
  }
  for (size_t k = 0; k + 1 < all.size(); ++k) {
    const Mention& first = all[k];
    const Mention& second = all[k + 1];
    if (first.entity < 0 || second.entity < 0 || first.anaphor || second.begin < first.word_end) continue;
    bool first_org = IsOrg(first.entity), second_product = Kind(second.entity) == "product";
    // OWNER's PRODUCT
    bool owner = first.role == Role::kGenitive || (lang_ == Lang::kChinese && s_.substr(first.end).starts_with("旗下"));
    // ... also with the product set off after a short description: "Google's language model, LaMDA".
    bool appositive = lang_ == Lang::kEnglish && second.begin >= 2 && s_.substr(second.begin - 2, 2) == ", " &&
                      short_gap(first.word_end, second.begin - 2, 40);
    // ... or after a longer description that ends in a product word: "Amazon's AI application
    // development platform Bedrock", "자사 AP 칩셋인 텐서".
    // (Quotes around the product and a gloss in the description go: "차세대 그래픽처리장치(GPU)인 'B100'".)
    std::string described_text(OutsideBrackets(TrimSpace(s_.substr(first.word_end, second.begin - std::min(second.begin, first.word_end))), U""));
    std::string_view described = TrimSpace(described_text);
    for (std::string_view quote : {"'", "‘", "\"", "“", "「"}) {
      if (described.ends_with(quote)) described = TrimSpace(described.substr(0, described.size() - quote.size()));
    }
    while (described.ends_with("인")) described.remove_suffix(3);  // the copula: "자사 AP 칩셋인 텐서"
    bool described_product = EndsInKindWord(described, rules_.product_cues[li_]) && second.begin >= first.word_end && second.begin - first.word_end <= 60 &&
                             described.find_first_of(",;:.!?()") == std::string::npos && described.find("，") == std::string::npos;
    if (first_org && second_product && owner && (short_gap(first.word_end, second.begin, 24) || appositive || described_product)) {
      add(first.entity, second.entity, "develops", "possessive_product", 0.8, first.begin);
      continue;
    }
    // ORG's PERSON: "Nvidia's Alexis Bjorlin" speaks for the organisation she works at.
    const std::string_view after_first = s_.substr(first.end);
    if (lang_ == Lang::kEnglish && first_org && IsPerson(second.entity) && (after_first.starts_with("'s ") || after_first.starts_with("’s ") || after_first.starts_with("' ") || after_first.starts_with("’ ")) &&
        TrimSpace(s_.substr(first.word_end, second.begin - std::min(second.begin, first.word_end))).empty()) {
      add(second.entity, first.entity, "works_at", "possessive_person", 0.75, first.begin);
      continue;
    }
    // MAKER PRODUCT written together: "英伟达H20", "阿里云通义千问大模型", "Nvidia Blackwell chips".
    if (first_org && second_product && first.role == Role::kNone && first.particles.empty() && first.word_end == first.end &&
        TrimSpace(s_.substr(first.end, second.begin - first.end)).empty()) {
      add(first.entity, second.entity, "develops", "maker_product", 0.78, first.begin);
      continue;
    }
    std::string_view between = s_.substr(first.end, second.begin - first.end);
    std::string lower_between = Lower(between);
    // PARENT旗下(的)UNIT, PARENT 산하 UNIT: the unit is part of the parent.
    static const std::unordered_set<std::string_view> kUnitWords = {"旗下的", "旗下", "子公司", "控股子公司", "全资子公司", "旗下子公司", "旗下的子公司", "的子公司", "的全资子公司",
                                                                   "及其旗下", "及其旗下的", "和旗下", "及旗下"};
    // ("Google-owned AI company DeepMind": a short description may stand between.)
    bool owned = lower_between == "-owned ";
    if (lang_ == Lang::kEnglish && lower_between.starts_with("-owned ") && lower_between.size() <= 40) {
      std::string_view words = std::string_view(between).substr(7);
      owned = std::count(words.begin(), words.end(), ' ') <= 3 && std::all_of(words.begin(), words.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-'; });
    }
    if (first_org && IsOrg(second.entity) && (kUnitWords.count(between) != 0 || TrimSpace(between) == "산하" || owned || first.unit_at == second.begin)) {
      add(second.entity, first.entity, "part_of", "parent_compound", 0.8, first.begin);
      // "联想控股旗下的君联资本、联想之星": every unit of the list the parent opens.
      for (const Group& group : groups_) {
        const bool opens = !group.members.empty() && mentions_[static_cast<size_t>(group.members.front())].begin == second.begin;
        if (!opens || group.members.size() < 2) continue;
        for (size_t k = 1; k < group.members.size(); ++k) {
          const Mention& unit = mentions_[static_cast<size_t>(group.members[k])];
          if (unit.entity >= 0 && IsOrg(unit.entity) && !unit.anaphor) add(unit.entity, first.entity, "part_of", "parent_compound", 0.78, first.begin);
        }
      }
      continue;
    }
    if (PossessiveUnit(first, second)) {
      add(second.entity, first.entity, "part_of", "possessive_unit", 0.78, first.begin);
      continue;
    }
    // UNIT是PARENT旗下的…: "阿里云是阿里巴巴旗下的云计算公司".
    if (lang_ == Lang::kChinese && IsOrg(first.entity) && IsOrg(second.entity) && (between == "是" || between == "为")) {
      std::string_view after = s_.substr(second.end);
      for (std::string_view owned : {"旗下", "的子公司", "的全资子公司", "的控股子公司", "控股的"}) {
        if (after.starts_with(owned)) {
          add(first.entity, second.entity, "part_of", "parent_compound", 0.8, first.begin);
          break;
        }
      }
    }
    // UNIT's parent PARENT: "Waymo's parent Alphabet", "Facebook parent Meta", "구글 모회사
    // 알파벳", "谷歌母公司Alphabet" (data/triggers.json "parent_nouns").
    const std::string lower_gap = Lower(s_.substr(first.word_end, second.begin - first.word_end));
    const std::string_view parent_word = TrimSpace(lower_gap);
    const auto& parents = rules_.parent_nouns[li_];
    if ((first.role == Role::kGenitive || first.role == Role::kNone) && IsOrg(first.entity) && IsOrg(second.entity) &&
        std::find(parents.begin(), parents.end(), parent_word) != parents.end()) {
      add(first.entity, second.entity, "part_of", "parent_compound", 0.8, first.begin);
      continue;
    }
    // PARENT's UNIT … unit: "Intel's Mobileye self-driving technology unit"; PARENT's … unit,
    // UNIT: "Nvidia's corporate venturing unit, Nvidia GPU Ventures".
    if (lang_ == Lang::kEnglish && first.role == Role::kGenitive && IsOrg(first.entity) && IsOrg(second.entity)) {
      // Up to five lower-case words, the last a unit noun (whole = they must end the text given).
      auto unit_phrase = [&](std::string_view text, bool whole) {
        static const std::unordered_set<std::string_view> kUnits = {"unit", "division", "arm", "subsidiary", "business", "affiliate"};
        size_t i = 0;
        for (int words = 0; words < 5; ++words) {
          while (i < text.size() && text[i] == ' ') ++i;
          size_t end = i;
          while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || text[end] == '-')) ++end;
          if (end == i) return false;
          const bool last = SkipSpaces(text, end) >= text.size();
          if (kUnits.count(text.substr(i, end - i)) != 0 && (!whole || last)) return true;
          if (end < text.size() && text[end] != ' ') return false;
          i = end;
        }
        return false;
      };
      const bool adjacent = second.begin == SkipSpaces(s_, first.word_end);
      const bool unit_after = adjacent && unit_phrase(s_.substr(second.word_end, std::min<size_t>(80, s_.size() - second.word_end)), false);
      const bool unit_before = second.begin >= first.word_end + 2 && s_.substr(second.begin - 2, 2) == ", " &&
                               unit_phrase(s_.substr(first.word_end, second.begin - 2 - first.word_end), true);
      if (unit_after || unit_before) {
        add(second.entity, first.entity, "part_of", "unit_compound", 0.78, first.begin);
        continue;
      }
    }
    // COMPANY的(老)股东 BACKER, COMPANY's (largest) shareholder BACKER, COMPANY의 최대주주인
    // BACKER: the backer invests in the company.
    if (IsOrg(first.entity) && IsOrg(second.entity) && first.role == Role::kGenitive) {
      static const std::unordered_set<std::string_view> kBackerWords = {
          "老股东", "股东", "大股东", "主要股东", "第一大股东", "控股股东", "投资方", "投资人", "早期投资方", "早期投资人", "早期投资者",
          "shareholder", "largest shareholder", "biggest shareholder", "major shareholder", "backer", "biggest backer", "largest backer",
          "investor", "largest investor", "biggest investor", "early investor", "main investor", "주주인", "최대주주인", "대주주인", "투자사인", "주요 주주인"};
      std::string gap(TrimSpace(Lower(s_.substr(first.word_end, second.begin - std::min(second.begin, first.word_end)))));
      if (gap.ends_with(",")) gap.pop_back();
      if (kBackerWords.count(TrimSpace(gap)) != 0) {
        add(second.entity, first.entity, "invests_in", "backer_compound", 0.78, first.begin);
        continue;
      }
    }
    // BACKER-backed COMPANY, also past a short description ("Microsoft-backed AI startup X").
    bool backed = lower_between == "-backed " || lower_between == "-funded ";
    for (std::string_view mark : {"-backed ", "-funded "}) {
      if (lang_ != Lang::kEnglish || backed || !lower_between.starts_with(mark) || lower_between.size() > 48) continue;
      const std::string_view words = TrimSpace(std::string_view(lower_between).substr(mark.size()));
      // (... or one that says whose rival it is: "Fin Capital-backed competitor X".)
      backed = std::count(words.begin(), words.end(), ' ') <= 3 && (EndsInKindWord(words, rules_.org_cues[li_]) || EndsInKindWord(words, rules_.rival_words[li_])) &&
               std::all_of(words.begin(), words.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-'; });
    }
    if (lang_ == Lang::kEnglish && IsOrg(second.entity) && backed) {
      add(first.entity, second.entity, "invests_in", "backed_compound", 0.82, first.begin);
      continue;
    }
    // PERSON of ORGANISATION: "Nathan Lambert of the Allen Institute for AI".
    if (lang_ == Lang::kEnglish && IsPerson(first.entity) && IsOrg(second.entity) && !second.anaphor && (lower_between == " of " || lower_between == " of the ")) {
      add(first.entity, second.entity, "works_at", "person_of_org", 0.75, first.begin);
      continue;
    }
    // LEADER-led COMPANY, FOUNDER-founded COMPANY: "Mira Murati-led Thinking Machines Lab".
    if (lang_ == Lang::kEnglish && IsPerson(first.entity) && IsOrg(second.entity)) {
      if (lower_between == "-led ") add(first.entity, second.entity, "works_at", "led_compound", 0.8, first.begin);
      if (lower_between == "-founded " || lower_between == "-co-founded ") add(first.entity, second.entity, "founded", "founded_compound", 0.8, first.begin);
      continue;
    }
    // PRODUCT maker COMPANY
    if (Kind(first.entity) == "product" && IsOrg(second.entity)) {
      std::string_view cue = TrimSpace(lang_ == Lang::kKorean ? s_.substr(first.word_end, second.begin - first.word_end) : between);
      while (cue.starts_with("'") || cue.starts_with("’") || cue.starts_with("”") || cue.starts_with("\"") || cue.starts_with("」")) {
        cue = TrimSpace(cue.substr(cue.starts_with("'") || cue.starts_with("\"") ? 1 : 3));
      }
      const std::string lower_cue = Lower(cue);
      for (std::string_view word : {"maker", "developer", "creator", "개발사", "개발업체", "운영사", "开发商", "开发者", "研发商"}) {
        // (Korean may join with a copula: "챗GPT 개발사인 오픈AI".)
        // (English may join with a hyphen: "ChatGPT-maker OpenAI".)
        const bool hyphened = lower_cue.size() == word.size() + 1 && lower_cue.front() == '-' && lower_cue.ends_with(word);
        if (lower_cue == word || hyphened || (lang_ == Lang::kKorean && cue == std::string(word) + "인")) {
          add(second.entity, first.entity, "develops", "maker_compound", 0.82, first.begin);
          break;
        }
      }
    }
  }
}

}  // namespace relgraph::importers::article
