// English titles in apposition to a person: "Sam Altman, chief executive of OpenAI", "Sam Altman,
// the CEO of OpenAI", "X was co-founder of Y", "CEO of OpenAI Sam Altman said" (the last stage of
// Analysis::ApplyTitles).
#include <algorithm>
#include <string>
#include <string_view>

#include "common/text.h"
#include "importers/article_analysis.h"

namespace relgraph::importers::article {

// Where the link from a title to the organisation starts ("of OpenAI", "at Google", "of
// high-profile AI startup Inflection AI", "CEO of Google and Alphabet"), or npos when none does.
size_t Analysis::AppositionLinkBefore(const Mention& organisation) const {
  std::string_view before = std::string_view(lower_).substr(0, organisation.begin);
  size_t cut = std::string_view::npos;
  // "of OpenAI", "at Google", "of high-profile AI startup Inflection AI".
  for (std::string_view link : {" of ", " at ", " with ", " for "}) {
    size_t at = before.rfind(link);
    if (at == std::string_view::npos || before.size() - at > 48) continue;
    std::string_view between = s_.substr(at + link.size(), organisation.begin - at - link.size());
    bool descriptive = std::all_of(between.begin(), between.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-'; }) ||
                       Lower(between).find(" startup ") != std::string::npos || Lower(between).ends_with("startup ") ||
                       Lower(between).ends_with("company ") || Lower(between).ends_with("lab ");
    // "CEO of Google and Alphabet": the organisations listed before this one hold the title too.
    bool listed = false;
    if (!descriptive) {
      size_t pos = at + link.size();
      while (pos < organisation.begin) {
        const auto named = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& other) {
          return other.begin == pos && other.entity >= 0 && IsOrg(other.entity) && other.end <= organisation.begin;
        });
        if (named == mentions_.end()) break;
        pos = named->end;
        const std::string_view rest = std::string_view(lower_).substr(pos, organisation.begin - pos);
        const size_t joiner = rest.starts_with(", and ") ? 6 : rest.starts_with(" and ") ? 5 : rest.starts_with(", ") ? 2 : 0;
        if (joiner == 0) break;
        pos += joiner;
      }
      listed = pos == organisation.begin && pos > at + link.size();
    }
    if ((descriptive && std::count(between.begin(), between.end(), ' ') <= 4) || listed) cut = at;
  }
  return cut;
}

// English: "Sam Altman, chief executive of OpenAI", "Sam Altman, the CEO of OpenAI".
void Analysis::ApplyEnglishAppositions(std::vector<Extraction>* out) {
  if (lang_ != Lang::kEnglish) return;
  for (size_t m = 0; m < mentions_.size(); ++m) {
    const Mention organisation = mentions_[m];
    if (organisation.entity < 0 || !IsOrg(organisation.entity)) continue;
    std::string_view before = std::string_view(lower_).substr(0, organisation.begin);
    size_t cut = AppositionLinkBefore(organisation);
    if (cut == std::string_view::npos) continue;
    // "head of AI at Brightwater", "vice president for research at X": a title's field may stand
    // between it and the link.
    auto reaches_cut = [&](TitleMatch* title) {
      std::string_view field = title->end < cut ? std::string_view(lower_).substr(title->end, cut - title->end) : std::string_view();
      if (field.starts_with(" of ") || field.starts_with(" for ")) {
        bool named = std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& other) { return other.begin >= title->end && other.begin < cut; });
        if (!named && std::count(field.begin(), field.end(), ' ') <= 4 && field.find(',') == std::string_view::npos) title->end = cut;
      }
      return title->end == cut;
    };
    // "President of Global Affairs of Meta Nick Clegg", "CEO of OpenAI Sam Altman said": the
    // person follows the organisation.
    {
      size_t start = 0;
      for (std::string_view mark : {", ", " by ", " with ", " to ", " said ", " says ", " and "}) {
        size_t at = before.substr(0, cut).rfind(mark);
        if (at != std::string_view::npos) start = std::max(start, at + mark.size());
      }
      TitleMatch lead;
      size_t person_end = 0;
      int person = -1;
      // The title starts at one of the few words before the link ("Speakers included President of ...").
      for (size_t word = start, words = 0; word < cut && words < 8 && person < 0; ++words) {
        lead = TitleMatch();
        if (ParseTitles(word, &lead) && reaches_cut(&lead)) {
          person = PersonAfter(organisation.word_end, &person_end);
          // ... or its apposition: "The CEO of Google, Sundar Pichai, said".
          if (person < 0 && s_.substr(organisation.word_end).starts_with(", ")) {
            person = PersonAfter(organisation.word_end + 2, &person_end);
            if (person >= 0 && !s_.substr(person_end).starts_with(",")) person = -1;
          }
          break;
        }
        size_t space = s_.find(' ', word);
        if (space == std::string_view::npos || space >= cut) break;
        word = space + 1;
      }
      if (person >= 0) {
        AddPersonGroup(person, Role::kNone);
        EmitTitle(person, organisation.entity, lead, "title_of_org", 0.82, out);
        continue;
      }
    }
    // The title follows an apposition's comma ("X, co-founder of Y") or a copula ("X was
    // co-founder of Y", "X serves as chief scientist at Y"); a past copula says the job is past.
    size_t comma = s_.rfind(", ", cut);
    size_t title_start = comma == std::string_view::npos ? 0 : comma + 2;
    size_t person_end = comma;
    bool past = false;
    // (The copulas that appoint follow " was ", whose place they share: "was named CEO of X".)
    for (std::string_view copula : {" is ", " was ", " became ", " serves as ", " served as ", " remains ", " will serve as ", " will become ", " to become ",
                                    " was named ", " was appointed ", " has been named ", " has been appointed ", " is named ", " joins as ", " joined as ",
                                    " joining as ", " will join as "}) {
      size_t at = std::string_view(lower_).rfind(copula, cut);
      if (at == std::string_view::npos || (comma != std::string_view::npos && at < comma) || at + copula.size() > cut || cut - at > 64) continue;
      // (", who is ...", ", who currently serves as ...": the comma's apposition.)
      if (comma != std::string_view::npos && std::string_view(lower_).substr(comma + 2, at - std::min(at, comma + 2)).starts_with("who")) continue;
      comma = at;
      person_end = at;
      title_start = at + copula.size();
      past = copula == " was " || copula == " served as ";
    }
    if (comma == std::string_view::npos) continue;
    // "Cristiano Amon (pictured), president of X": a note on the photo between name and title.
    if (person_end == comma && comma > 0 && s_[comma - 1] == ')') {
      size_t open = s_.rfind('(', comma);
      std::string_view note = open == std::string_view::npos ? std::string_view() : s_.substr(open + 1, comma - 1 - open - 1);
      if (!note.empty() && note.size() <= 20 && std::all_of(note.begin(), note.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0 || c == ' '; })) {
        person_end = open;
        while (person_end > 0 && s_[person_end - 1] == ' ') --person_end;
      }
    }
    // ("X, who currently serves as the director of Y": a relative clause's copula.)
    bool determiner = false;
    for (std::string_view filler : {"who ", "is ", "was ", "currently ", "also ", "now ", "then ", "serves as ", "served as ", "the ", "a ", "an ", "its ", "both "}) {
      if (lower_.substr(title_start).starts_with(filler)) {
        past = past || filler == "was " || filler == "served as ";
        determiner = determiner || IsDeterminer(TrimSpace(filler));
        title_start += filler.size();
      }
    }
    TitleMatch match;
    // After a determiner one describing word may come before the title: "the billionaire founder
    // of X", "the longtime chief executive of Y".
    bool titled = ParseTitles(title_start, &match);
    if (!titled && determiner) {
      size_t word_end = title_start;
      while (word_end < s_.size() && (std::islower(static_cast<unsigned char>(s_[word_end])) != 0 || s_[word_end] == '-' ||
                                      std::isdigit(static_cast<unsigned char>(s_[word_end])) != 0)) {
        ++word_end;
      }
      match = TitleMatch();
      titled = word_end > title_start && word_end - title_start <= 16 && word_end < s_.size() && s_[word_end] == ' ' && ParseTitles(word_end + 1, &match);
    }
    if (!titled) continue;
    match.former = match.former || past;
    if (!reaches_cut(&match)) continue;
    int person = PersonBefore(person_end);
    if (person < 0) {
      // "Suleyman, also a co-founder of DeepMind": a known person by one name.
      for (size_t p = 0; p < mentions_.size(); ++p) {
        if (mentions_[p].entity >= 0 && IsPerson(mentions_[p].entity) && mentions_[p].word_end == comma) person = static_cast<int>(p);
      }
    }
    if (person >= 0) AddPersonGroup(person, Role::kNone);
    EmitTitle(person, organisation.entity, match, "title_of_org", 0.85, out);
    // "Lena Ortiz and Tom Becker, co-founders of X": the persons listed before the last one.
    for (int earlier = person, hops = 0; earlier >= 0 && hops < 5; ++hops) {
      size_t pos = mentions_[static_cast<size_t>(earlier)].begin;
      std::string_view before_person = std::string_view(lower_).substr(0, pos);
      size_t cut = before_person.ends_with(", and ") ? 6 : before_person.ends_with(" and ") ? 5 : before_person.ends_with(", ") ? 2 : 0;
      if (cut == 0) break;
      earlier = PersonBefore(pos - cut);
      if (earlier >= 0) EmitTitle(earlier, organisation.entity, match, "title_of_org", 0.82, out);
    }
    // "A and B, co-founders of X": every person of the list.
    if (person >= 0 && group_of_.size() > static_cast<size_t>(person) && group_of_[static_cast<size_t>(person)] >= 0) {
      for (int member : groups_[static_cast<size_t>(group_of_[static_cast<size_t>(person)])].members) {
        if (member != person && mentions_[static_cast<size_t>(member)].entity >= 0 && IsPerson(mentions_[static_cast<size_t>(member)].entity)) {
          EmitTitle(member, organisation.entity, match, "title_of_org", 0.82, out);
        }
      }
    }
  }
}

}  // namespace relgraph::importers::article
