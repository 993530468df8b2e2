// The roles of names before groups are built: Korean roles read from the particles and the words
// after a name (article_entities.cpp parses the particles), Chinese and English roles from the
// preposition before a name and a genitive after it.
#include <algorithm>
#include <unordered_set>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// Korean roles read after the particles: a bare name before "역시"/"또한" ("also") is the
// subject ("카카오 역시 ...에 투자했다"); a person named with a bare title takes the title's
// particles; what an act goes through ("X를 통해") is its means; an organisation acting through
// its team takes the team word's particles.
void Analysis::AssignKoreanRoles() {
  for (Mention& mention : mentions_) {
    if (mention.role != Role::kNone || !mention.particles.empty()) continue;
    std::string_view rest = s_.substr(mention.word_end);
    if (rest.starts_with(" 역시 ") || rest.starts_with(" 또한 ") || rest.starts_with(" 역시, ") || rest.starts_with(" 또한, ")) mention.role = Role::kSubject;
  }
  // "백준호 대표가 설립한": a person named with a bare title takes the title's particles.
  for (Mention& mention : mentions_) {
    if (mention.entity < 0 || !IsPerson(mention.entity) || mention.role != Role::kNone || !mention.particles.empty()) continue;
    TitleMatch match;
    const size_t at = SkipSpaces(s_, mention.word_end);
    if (at == mention.word_end || !ParseTitles(at, &match)) continue;
    // (A gloss may stand between the title and its particles: "하정우 대표(미국명 존 하)가".)
    std::string tail = match.tail;
    if (tail.empty() && s_.substr(match.end).starts_with("(")) {
      const size_t close = s_.find(')', match.end);
      if (close != std::string_view::npos && close - match.end <= 80) tail = s_.substr(close + 1, RunEnd(s_, close + 1, IsHangul) - close - 1);
    }
    if (tail.empty()) continue;
    Role role = Role::kNone;
    std::string particles;
    if (ParseParticles(tail, &role, &particles) && role != Role::kTitle && role != Role::kNone) {
      mention.role = role;
      mention.particles = particles;
    }
  }
  // "하이코캐피탈을 통해 휴메인에 투자했다": what the act goes through is its means, no object.
  for (Mention& mention : mentions_) {
    const std::string_view rest = s_.substr(mention.word_end);
    if (mention.role != Role::kObject || !rest.starts_with(' ')) continue;
    const auto& means = rules_.means_words[li_];
    if (std::any_of(means.begin(), means.end(), [&](const std::string& word) { return rest.substr(1).starts_with(word); })) mention.role = Role::kMeans;
  }
  for (Mention& mention : mentions_) {
    std::string_view rest = s_.substr(mention.word_end);
    if (mention.role != Role::kNone || !mention.particles.empty()) continue;
    // "구글 연구진이", "카카오 측은": the organisation acts through its team; it takes the
    // team word's particles.
    for (std::string_view team : {" 연구진", " 연구팀", " 개발팀", " 개발진", " 측"}) {
      if (!rest.starts_with(team) || mention.entity < 0 || !IsOrg(mention.entity)) continue;
      size_t word_end = RunEnd(s_, mention.word_end + team.size(), [](char32_t cp) { return IsHangul(cp); });
      Role role;
      std::string particles;
      if (ParseParticles(s_.substr(mention.word_end + team.size(), word_end - mention.word_end - team.size()), &role, &particles) && role != Role::kTitle &&
          !Overlaps(mention.word_end + 1, word_end)) {
        mention.role = role;
        mention.particles = particles;
        mention.word_end = word_end;
      }
      break;
    }
  }
}

// Chinese and English: roles from the preposition before a name, and genitives after it.
void Analysis::AssignMarkers() {
  for (Mention& mention : mentions_) {
    if (lang_ == Lang::kChinese) {
      char32_t before = CodePointBefore(s_, mention.begin);
      switch (before) {
        case U'与': case U'同': case U'跟': case U'和': mention.role = Role::kWith; break;
        case U'向': case U'对': case U'给': mention.role = Role::kDative; break;
        case U'为':  // "作为X副总裁" (as), "成为X成员" (become) mark nothing; "为X提供" is a dative
          if (!s_.substr(0, mention.begin).ends_with("作为") && !s_.substr(0, mention.begin).ends_with("成为")) mention.role = Role::kDative;
          break;
        case U'被': case U'由': mention.role = Role::kBy; break;
        case U'手':  // "A携手B", "A联手B": B is a partner or a co-agent, as after 与
          if (AfterJointWord(mention.begin)) mention.role = Role::kWith;
          break;
        case U'从': case U'自': mention.role = Role::kFrom; break;  // "从X", "(来)自X"
        case U'将': case U'把': mention.role = Role::kObject; break;  // "微软将小冰分拆": moved, not acting
        // "阿里巴巴通过淘宝持有", "X依托Y，由A发起": what the subject acts through, no subject.
        case U'过': case U'托': case U'助': case U'于': case U'靠':
          if (EndsWithAny(s_.substr(0, mention.begin), rules_.means_words[li_])) mention.role = Role::kMeans;
          break;
        case U'据': mention.role = Role::kMeans; break;  // CitedSource: "根据X数据", "据X报道"
        default: {
          // "由量化基金幻方量化创立": a short description may stand between 由/被 and the name
          // (but not a verb: "被授予联盟理事单位" names what was given).
          const std::string_view head = s_.substr(0, mention.begin);
          if (head.ends_with("被授予") || head.ends_with("被评为") || head.ends_with("被选为")) break;
          size_t at = mention.begin;
          for (int chars = 0; chars < 6 && at >= 3; ++chars) {
            char32_t cp = CodePointBefore(s_, at);
            if (!IsHan(cp)) break;
            if (cp == U'由' || cp == U'被') {
              mention.role = Role::kBy;
              break;
            }
            if (IsChineseFunction(cp)) break;
            at -= 3;
          }
          // "向中国自动驾驶初创公司Momenta投资": a description that ends in a kind word may stand
          // between 向/对/给 and the name.
          const auto& cues = rules_.org_cues[li_];
          if (mention.role == Role::kNone && std::any_of(cues.begin(), cues.end(), [&](const std::string& cue) { return head.ends_with(cue); })) {
            at = mention.begin;
            for (int chars = 0; chars < 14 && at >= 3; ++chars) {
              const char32_t cp = CodePointBefore(s_, at);
              if (!IsHan(cp)) break;
              if (cp == U'向' || cp == U'对' || cp == U'给') {
                mention.role = Role::kDative;
                break;
              }
              if (IsChineseFunction(cp)) break;
              at -= 3;
            }
          }
          break;
        }
      }
      // (A closing quote may stand between: "“光年之外”的A轮".)
      size_t mark = mention.end;
      for (std::string_view quote : {"”", "’", "\"", "'", "」", "』", "》"}) {
        if (s_.substr(mark).starts_with(quote)) {
          mark += quote.size();
          break;
        }
      }
      if (s_.substr(mark).starts_with("的")) mention.role = Role::kGenitive, mention.word_end = mark + 3;
      // "网易旗下的考拉": the parent qualifies the name after it.
      for (std::string_view owned : {"旗下的", "旗下"}) {
        if (mention.role == Role::kNone && s_.substr(mention.end).starts_with(owned)) mention.role = Role::kGenitive, mention.word_end = mention.end + owned.size();
      }
    } else {
      size_t end = mention.begin;
      while (end > 0 && s_[end - 1] == ' ') --end;
      // A dotted abbreviation of a place stands between: "with the U.S. Department of Energy".
      if (end > 2 && s_[end - 1] == '.') {
        size_t dotted = end;
        while (dotted > 0 && (std::isupper(static_cast<unsigned char>(s_[dotted - 1])) != 0 || s_[dotted - 1] == '.')) --dotted;
        if (end - dotted >= 4 && end - dotted <= 8 && (dotted == 0 || s_[dotted - 1] == ' ')) {
          end = dotted;
          while (end > 0 && s_[end - 1] == ' ') --end;
        }
      }
      size_t start = end;
      while (start > 0 && std::isalpha(static_cast<unsigned char>(s_[start - 1])) != 0) --start;
      // "with Microsoft-backed OpenAI": the modifier stands between the preposition and the name.
      for (const Mention& modifier : modifiers_) {
        if (start > 0 && s_[start - 1] == '-' && modifier.end == start - 1) {
          end = modifier.begin;
          while (end > 0 && s_[end - 1] == ' ') --end;
          start = end;
          while (start > 0 && std::isalpha(static_cast<unsigned char>(s_[start - 1])) != 0) --start;
        }
      }
      std::string word = Lower(s_.substr(start, end - start));
      bool list_cue = word == "including" || word == "include" || word == "includes" || word == "as" || word == "like";
      // ("from the likes of X": the preposition before "the likes of".)
      list_cue = list_cue || (word == "of" && TrimSpace(std::string_view(lower_).substr(0, start)).ends_with("the likes"));
      std::string_view after = s_.substr(mention.end);
      bool possessive = after.starts_with("'s") || after.starts_with("’s") || after.starts_with("' ") || after.starts_with("’ ");
      // "acquisition of X": the trigger owns "of" (a relational noun only describes: "with rival X").
      if (InsideTrigger(start, end) && !list_cue && !Contains(rules_.relational_nouns[li_], word)) word.clear();
      if (word == "the" || word == "a" || word == "an") {
        end = start;
        while (end > 0 && s_[end - 1] == ' ') --end;
        start = end;
        while (start > 0 && std::isalpha(static_cast<unsigned char>(s_[start - 1])) != 0) --start;
        word = Lower(s_.substr(start, end - start));
      }
      // "from investors including X", "led by firms such as X": the preposition before the cue;
      // "by former OpenAI executives X": before a short description of lower-case words.
      static const std::unordered_set<std::string_view> kPrepositions = {"in", "into", "to", "with", "by", "from", "of", "at", "for", "on"};
      bool described = !list_cue && !word.empty() && kPrepositions.count(word) == 0 &&
                       std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (list_cue || described) {
        size_t back = start;
        for (int words = 0; words < 4 && back > 0; ++words) {
          size_t word_end = back;
          while (word_end > 0 && (s_[word_end - 1] == ' ' || s_[word_end - 1] == ',')) --word_end;
          // (A description may hold an abbreviated place or a compound: "with U.K. cloud startup X",
          // "with California-based X".)
          size_t word_start = word_end;
          while (word_start > 0 && (std::isalpha(static_cast<unsigned char>(s_[word_start - 1])) != 0 || s_[word_start - 1] == '.' || s_[word_start - 1] == '-')) {
            --word_start;
          }
          if (word_start == word_end || !std::isalpha(static_cast<unsigned char>(s_[word_start]))) break;
          std::string earlier = Lower(s_.substr(word_start, word_end - word_start));
          if (earlier == "from" || earlier == "by" || earlier == "with" || earlier == "to" || earlier == "in" || earlier == "into") {
            // "founded by researchers including X": the trigger owns its preposition, X is its object.
            word = InsideTrigger(word_start, word_end) ? "" : earlier;
            break;
          }
          // A description: words up to the preposition, no other preposition and no name that is
          // an argument itself.
          if (described && (kPrepositions.count(earlier) != 0 || Overlaps(word_start, word_end))) break;
          // ... nor a trigger: "by acquiring cybersecurity company X" makes X the verb's object
          // (a relational noun only describes: "with French startup rival Mistral AI").
          if (described && InsideTrigger(word_start, word_end) && !Contains(rules_.relational_nouns[li_], earlier)) break;
          back = word_start;
        }
      }
      // "According to Google Cloud CEO Diane Greene": the source of a statement, no argument role.
      if (word == "to" && start >= 10 && Lower(s_.substr(start - 10, 10)) == "according ") word.clear();
      // "a $1.15bn round for Cruise": what a round is for receives the money.
      const std::string_view before_word = TrimSpace(std::string_view(lower_).substr(0, start));
      const bool round_for = word == "for" && (before_word.ends_with("round") || before_word.ends_with("funding") || before_word.ends_with("financing"));
      if (word == "in" || word == "into" || word == "to" || round_for) mention.role = Role::kDative;
      else if (word == "with") mention.role = Role::kWith;
      else if (word == "by") mention.role = Role::kBy;
      else if (word == "from") mention.role = Role::kFrom;
      else if (word == "of") mention.role = Role::kGenitive;
      if (possessive) {
        mention.role = Role::kGenitive;
        mention.word_end = mention.end + (after.starts_with("'") ? 2 : 4);
        // "Eric Schmidt's family office": a person acting through the office names the person,
        // who keeps the role of the words before.
        if (std::string_view(lower_).substr(mention.word_end).starts_with(" family office") && mention.entity >= 0 && IsPerson(mention.entity)) {
          mention.role = Role::kNone;
          mention.word_end += std::string_view(" family office").size();
          if (word == "by") mention.role = Role::kBy;
          else if (word == "from") mention.role = Role::kFrom;
          else if (word == "with") mention.role = Role::kWith;
        }
      }
    }
  }
}

}  // namespace relgraph::importers::article
