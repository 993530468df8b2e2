// Article text after cleaning (article_clean.cpp): code points, language, sentences, and the
// amounts and dates a sentence states.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "common/error.h"
#include "common/text.h"
#include "importers/article_internal.h"

namespace relgraph::importers::article {

Lang ParseLang(std::string_view code) {
  if (code == "ko" || code == "kor" || code == "korean") return Lang::kKorean;
  if (code == "zh" || code == "chi" || code == "zho" || code == "chinese" || code.starts_with("zh-")) return Lang::kChinese;
  if (code == "en" || code == "eng" || code == "english" || code.starts_with("en-")) return Lang::kEnglish;
  throw Error(ErrorKind::kUsage, "--lang expects ko, zh or en, found " + QuoteForMessage(code));
}

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kKorean: return "ko";
    case Lang::kChinese: return "zh";
    case Lang::kEnglish: return "en";
  }
  return "en";
}

size_t DecodeAt(std::string_view text, size_t i, char32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(k < text.size() ? text[k] : 0); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return *cp = lead, 1;
  if (lead < 0xE0) return *cp = ((lead & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu), 2;
  if (lead < 0xF0) return *cp = ((lead & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu), 3;
  *cp = ((lead & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
  return 4;
}

bool IsHangul(char32_t cp) { return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F); }
bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}
bool IsAsciiAlnum(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }
bool IsAsciiUpper(char32_t cp) { return cp >= 'A' && cp <= 'Z'; }

namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace
Lang DetectLang(std::string_view text) {
  size_t hangul = 0, han = 0, latin = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    i += DecodeAt(text, i, &cp);
    if (IsHangul(cp)) ++hangul;
    else if (IsHan(cp)) ++han;
    else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) ++latin;
  }
  size_t letters = hangul + han + latin;
  if (letters == 0) return Lang::kEnglish;
  if (hangul * 5 >= letters) return Lang::kKorean;
  if (han * 3 >= latin) return Lang::kChinese;
  return Lang::kEnglish;
}

std::string OutsideBrackets(std::string_view text, std::u32string_view dropped) {
  std::string kept;
  int depth = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const size_t len = DecodeAt(text, i, &cp);
    if (cp == '(' || cp == U'（') ++depth;
    if (depth == 0 && dropped.find(cp) == std::u32string_view::npos) kept += text.substr(i, len);
    if ((cp == ')' || cp == U'）') && depth > 0) --depth;
    i += len;
  }
  return kept;
}

// ---- Sentences ----------------------------------------------------------------------------

namespace {

const std::unordered_set<std::string_view>& EnglishAbbreviations() {
  static const std::unordered_set<std::string_view> kAbbreviations = {
      "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "jr", "sr", "st", "vs", "etc", "e.g", "i.e", "u.s",
      "u.k", "u.n", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov",
      "rep", "sen", "gen", "lt", "col", "mt", "ft", "fig", "approx", "dept", "est", "vol", "p.m", "a.m", "ph.d", "s.a",
      "n.v", "plc", "llc"};
  return kAbbreviations;
}

// The word before a final '.', lower-cased: "Inc" in "Acme Inc."
std::string LastWord(std::string_view segment) {
  std::string_view rest = TrimSpace(segment);
  if (!rest.ends_with(".")) return "";
  rest.remove_suffix(1);
  size_t start = rest.size();
  while (start > 0 && (std::isalpha(static_cast<unsigned char>(rest[start - 1])) != 0 || rest[start - 1] == '.')) --start;
  if (start > 0 && !IsSpaceByte(rest[start - 1]) && rest[start - 1] != '(' && rest[start - 1] != '"') return "";
  return ToLowerAscii(rest.substr(start));
}

// Open quotes and brackets minus closed ones.
int Unbalanced(std::string_view text, Lang lang) {
  int depth = 0;
  int straight = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    i += DecodeAt(text, i, &cp);
    switch (cp) {
      case U'“': case U'「': case U'『': case U'(': case U'（': case U'《': ++depth; break;
      case U'”': case U'」': case U'』': case U')': case U'）': case U'》': --depth; break;
      case U'‘': if (lang != Lang::kEnglish) ++depth; break;
      case U'’': if (lang != Lang::kEnglish) --depth; break;
      case U'"': ++straight; break;
      default: break;
    }
  }
  return depth + (straight % 2);
}

// (A straight quote may open the next sentence as well: it closes one only where the piece before
// left one open, which Unbalanced tells.)
bool StartsClosing(std::string_view text) {
  for (std::string_view closer : {"”", "’", ")", "）", "」", "』", "》"}) {
    if (text.starts_with(closer)) return true;
  }
  return false;
}

}  // namespace

// The sentence breaker of a language, made once per thread (making one loads ICU's rules and
// costs more than splitting a whole article); each use sets its text anew.
static icu::BreakIterator& SentenceBreaker(Lang lang) {
  thread_local std::unique_ptr<icu::BreakIterator> breakers[3];
  std::unique_ptr<icu::BreakIterator>& breaker = breakers[lang == Lang::kKorean ? 0 : lang == Lang::kChinese ? 1 : 2];
  if (breaker) return *breaker;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = lang == Lang::kKorean ? icu::Locale("ko") : lang == Lang::kChinese ? icu::Locale("zh") : icu::Locale("en@ss=standard");
  breaker.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !breaker) {
    status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !breaker) {
    breaker.reset();
    throw Error(ErrorKind::kInternal, std::string("ICU sentence breaker unavailable: ") + u_errorName(status));
  }
  return *breaker;
}

std::vector<SentenceSpan> SplitSentences(std::string_view text, Lang lang) {
  icu::BreakIterator* breaker = &SentenceBreaker(lang);

  std::vector<SentenceSpan> sentences;
  std::vector<uint32_t> byte_of_unit;  // UTF-16 index -> byte offset in the paragraph
  for (size_t para_start = 0; para_start < text.size();) {
    size_t para_end = text.find('\n', para_start);
    if (para_end == std::string_view::npos) para_end = text.size();
    std::string_view paragraph = text.substr(para_start, para_end - para_start);

    icu::UnicodeString units;
    byte_of_unit.clear();
    for (size_t i = 0; i < paragraph.size();) {
      char32_t cp = 0;
      size_t len = DecodeAt(paragraph, i, &cp);
      units.append(static_cast<UChar32>(cp));
      byte_of_unit.push_back(static_cast<uint32_t>(i));
      if (cp >= 0x10000) byte_of_unit.push_back(static_cast<uint32_t>(i));
      i += len;
    }
    byte_of_unit.push_back(static_cast<uint32_t>(paragraph.size()));
    breaker->setText(units);

    std::vector<SentenceSpan> pieces;
    int32_t start = breaker->first();
    for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
      pieces.push_back({byte_of_unit[static_cast<size_t>(start)], byte_of_unit[static_cast<size_t>(end)]});
    }

    // Corrections: join pieces that ICU cut in the middle of a sentence.
    std::vector<SentenceSpan> merged;
    for (const SentenceSpan& piece : pieces) {
      if (!merged.empty()) {
        SentenceSpan& last = merged.back();
        std::string_view previous = paragraph.substr(last.begin, last.end - last.begin);
        std::string_view next = paragraph.substr(piece.begin, piece.end - piece.begin);
        std::string_view previous_trimmed = TrimSpace(previous);
        std::string_view next_trimmed = TrimSpace(next);
        bool join = false;
        // "2023. 6. 1.", "No. 3": a number with a dot followed by a number.
        if (previous_trimmed.size() >= 2 && previous_trimmed.ends_with(".") &&
            std::isdigit(static_cast<unsigned char>(previous_trimmed[previous_trimmed.size() - 2])) != 0 &&
            !next_trimmed.empty() && std::isdigit(static_cast<unsigned char>(next_trimmed[0])) != 0) {
          join = true;
        }
        // "2023. 6. 1. 있었다": a date written with dots and spaces ends no sentence.
        {
          std::string_view rest = previous_trimmed;
          int parts = 0;
          while (parts < 3 && rest.ends_with(".")) {
            size_t start = rest.size() - 1;
            while (start > 0 && std::isdigit(static_cast<unsigned char>(rest[start - 1])) != 0) --start;
            if (start == rest.size() - 1) break;
            ++parts;
            rest = TrimSpace(rest.substr(0, start));
            if (parts == 3) join = true;
          }
        }
        std::string word = LastWord(previous_trimmed);
        if (!word.empty() && (EnglishAbbreviations().count(word) != 0 || (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0])) != 0))) {
          join = true;
        }
        if (Unbalanced(previous, lang) > 0 && last.end - last.begin + next.size() < 2000) join = true;
        if (StartsClosing(next_trimmed)) join = true;
        // Korean quotation: ICU breaks before "라고/며" written right after the closing quote.
        if (!previous.empty() && !IsSpaceByte(previous.back()) && !next.empty()) {
          char32_t cp = 0;
          DecodeAt(next, 0, &cp);
          if (IsHangul(cp) && lang == Lang::kKorean) join = true;
        }
        if (lang == Lang::kEnglish && !next_trimmed.empty() && std::islower(static_cast<unsigned char>(next_trimmed[0])) != 0) join = true;
        if (join) {
          last.end = piece.end;
          continue;
        }
      }
      merged.push_back(piece);
    }
    for (const SentenceSpan& sentence : merged) {
      std::string_view piece = paragraph.substr(sentence.begin, sentence.end - sentence.begin);
      std::string_view trimmed = TrimSpace(piece);
      // A list bullet opens the line, not the sentence: "- Backed by A, the round ...".
      for (std::string_view bullet : {"- ", "* ", "• ", "– ", "— "}) {
        if (trimmed.starts_with(bullet)) {
          trimmed = TrimSpace(trimmed.substr(bullet.size()));
          break;
        }
      }
      if (trimmed.empty()) continue;
      size_t begin = para_start + sentence.begin + static_cast<size_t>(trimmed.data() - piece.data());
      // A run-on "sentence" (a scrape without full stops, a hostile input) is analysed in pieces
      // of at most kMaxSentenceBytes, cut at a space or comma: every later step then costs at
      // most a constant per piece, whatever the input.
      size_t end = begin + trimmed.size();
      while (end - begin > kMaxSentenceBytes) {
        size_t cut = begin + kMaxSentenceBytes;
        size_t floor = begin + kMaxSentenceBytes * 3 / 4;
        size_t at = cut;
        while (at > floor && !IsSpaceByte(text[at]) && text[at] != ',') --at;
        if (at == floor) at = cut;
        while (at > begin && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;  // a code point's first byte
        sentences.push_back({begin, at});
        begin = at;
        while (begin < end && (IsSpaceByte(text[begin]) || text[begin] == ',')) ++begin;
      }
      if (end > begin) sentences.push_back({begin, end});
    }
    para_start = para_end + 1;
  }
  return sentences;
}

// ---- Amounts ------------------------------------------------------------------------------

namespace {

// A number written with digits, commas and a decimal point at text[i]; returns bytes used.
size_t ParseNumber(std::string_view text, size_t i, double* value) {
  size_t start = i;
  std::string digits;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) != 0 || text[i] == ',' || text[i] == '.')) {
    if (text[i] == ',' && !(i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0)) break;
    if (text[i] == '.' && !(i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0)) break;
    if (text[i] != ',') digits += text[i];
    ++i;
  }
  if (digits.empty()) return 0;
  *value = std::strtod(digits.c_str(), nullptr);
  return i - start;
}

struct Unit {
  std::string_view word;
  double value;
  bool large;  // 만/억/조 close a group; 천/백 multiply inside one
};

}  // namespace

std::vector<Amount> FindAmounts(std::string_view sentence, Lang lang) {
  static const std::array<Unit, 10> kUnits = {{{"조", 1e12, true}, {"억", 1e8, true}, {"만", 1e4, true}, {"천", 1e3, false},
                                               {"백", 1e2, false}, {"万亿", 1e12, true}, {"亿", 1e8, true}, {"万", 1e4, true},
                                               {"千", 1e3, false}, {"百", 1e2, false}}};
  static const std::array<std::pair<std::string_view, std::string_view>, 22> kCurrencies = {{
      {"달러", "USD"}, {"원", "KRW"}, {"위안", "CNY"}, {"엔", "JPY"}, {"유로", "EUR"}, {"파운드", "GBP"},
      {"美元", "USD"}, {"元人民币", "CNY"}, {"人民币", "CNY"}, {"港元", "HKD"}, {"日元", "JPY"}, {"欧元", "EUR"},
      {"英镑", "GBP"}, {"韩元", "KRW"}, {"元", "CNY"}, {"dollars", "USD"}, {"euros", "EUR"}, {"yuan", "CNY"},
      {"won", "KRW"}, {"yen", "JPY"}, {"pounds", "GBP"}, {"USD", "USD"}}};
  std::vector<Amount> amounts;
  for (size_t i = 0; i < sentence.size();) {
    // English prefix currency: $13 billion, US$1.3 billion, €2bn.
    std::string prefix_currency;
    size_t begin = i;
    for (auto [symbol, code] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {"US$", "USD"}, {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "CNY"}, {"₩", "KRW"}, {"RMB", "CNY"}, {"USD ", "USD"}}) {
      if (sentence.substr(i).starts_with(symbol)) {
        prefix_currency = code;
        i += symbol.size();
        break;
      }
    }
    bool boundary = begin == 0 || !IsAsciiAlnum(static_cast<unsigned char>(sentence[begin - 1]));
    double value = 0;
    size_t used = boundary ? ParseNumber(sentence, i, &value) : 0;
    if (used == 0) {
      i = begin + 1;
      while (i < sentence.size() && (static_cast<unsigned char>(sentence[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    i += used;
    // Units: CJK (조, 억, 만, 천 / 亿, 万) possibly with more numbers, or English words.
    double total = 0, group = value;
    bool any_unit = false;
    for (;;) {
      bool matched = false;
      for (const Unit& unit : kUnits) {
        if (!sentence.substr(i).starts_with(unit.word)) continue;
        if (unit.large) {
          total += (group == 0 ? 1 : group) * unit.value;
          group = 0;
        } else {
          group = (group == 0 ? 1 : group) * unit.value;
        }
        i += unit.word.size();
        matched = any_unit = true;
        double more = 0;
        size_t next = ParseNumber(sentence, i, &more);
        if (next > 0) {
          group += more;
          i += next;
        }
        break;
      }
      if (!matched) break;
    }
    total += group;
    size_t after = i;
    while (after < sentence.size() && sentence[after] == ' ') ++after;
    if (!any_unit) {
      for (auto [word, factor] : std::initializer_list<std::pair<std::string_view, double>>{
               {"trillion", 1e12}, {"billion", 1e9}, {"million", 1e6}, {"bn", 1e9}, {"m ", 1e6}, {"b ", 1e9}}) {
        size_t at = word.ends_with(" ") ? i : after;
        if (sentence.substr(at).starts_with(word)) {
          total *= factor;
          i = at + (word.ends_with(" ") ? word.size() - 1 : word.size());
          after = i;
          while (after < sentence.size() && sentence[after] == ' ') ++after;
          break;
        }
      }
    }
    std::string currency = prefix_currency;
    if (currency.empty()) {
      for (auto [word, code] : kCurrencies) {
        if (sentence.substr(after).starts_with(word) || sentence.substr(i).starts_with(word)) {
          size_t at = sentence.substr(i).starts_with(word) ? i : after;
          // "원" must not start a longer Korean word ("원장", "원래").
          size_t end = at + word.size();
          char32_t next = 0;
          if (end < sentence.size()) DecodeAt(sentence, end, &next);
          if (word == "원" && IsHangul(next) && !IsKoreanParticleWord(sentence.substr(end, 6))) continue;
          if (lang == Lang::kEnglish && IsAsciiAlnum(next)) continue;
          currency = code;
          i = end;
          break;
        }
      }
    }
    if (currency.empty() || total <= 0) continue;
    amounts.push_back({begin, i, std::string(sentence.substr(begin, i - begin)), total, currency});
  }
  return amounts;
}

// ---- Dates --------------------------------------------------------------------------------

namespace {

std::string FormatDate(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 0 || month > 12 || day < 0 || day > 31) return "";
  char buffer[48];
  if (month == 0) std::snprintf(buffer, sizeof buffer, "%04d", year);
  else if (day == 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  else std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  std::string date = buffer;
  return CheckDate(date) ? "" : date;
}

// Reads up to max_digits digits at text[*i]; -1 when there are none.
int Digits(std::string_view text, size_t* i, size_t max_digits) {
  size_t start = *i;
  int value = 0;
  while (*i < text.size() && *i - start < max_digits && std::isdigit(static_cast<unsigned char>(text[*i])) != 0) {
    value = value * 10 + (text[*i] - '0');
    ++*i;
  }
  if (*i == start) return -1;
  if (*i < text.size() && std::isdigit(static_cast<unsigned char>(text[*i])) != 0) return -1;  // too many digits
  return value;
}

void SkipSpaces(std::string_view text, size_t* i) {
  while (*i < text.size() && text[*i] == ' ') ++*i;
}

int MonthNumber(std::string_view word) {
  static const std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string lower = ToLowerAscii(word.substr(0, 3));
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (lower == kMonths[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

}  // namespace

std::vector<StatedDate> FindDates(std::string_view s, Lang lang, std::string_view document_date) {
  int doc_year = 0, doc_month = 0, doc_day = 0;
  if (document_date.size() >= 4) doc_year = std::atoi(std::string(document_date.substr(0, 4)).c_str());
  if (document_date.size() >= 7) doc_month = std::atoi(std::string(document_date.substr(5, 2)).c_str());
  if (document_date.size() >= 10) doc_day = std::atoi(std::string(document_date.substr(8, 2)).c_str());
  std::vector<StatedDate> dates;
  auto add = [&](size_t begin, size_t end, int year, int month, int day) {
    // An end date ("2025년까지", "until 2025") says when something stops, not when it began.
    std::string_view after = s.substr(end);
    if (after.starts_with("까지") || after.starts_with(" 까지") || after.starts_with("到") || after.starts_with("为止")) return;
    std::string before = ToLowerAscii(s.substr(begin >= 7 ? begin - 7 : 0, begin >= 7 ? 7 : begin));
    if (before.ends_with("until ") || before.ends_with("through ") || before.ends_with("by ")) return;
    std::string date = year > 0 ? FormatDate(year, month, day) : "";
    if (!date.empty()) dates.push_back({begin, end, date});
  };
  for (size_t i = 0; i < s.size();) {
    size_t begin = i;
    bool boundary = i == 0 || !IsAsciiAlnum(static_cast<unsigned char>(s[i - 1]));
    if (boundary && std::isdigit(static_cast<unsigned char>(s[i])) != 0) {
      size_t j = i;
      int first = Digits(s, &j, 4);
      if (first >= 1900 && first <= 2100 && j - i == 4) {
        // 2023.06.01 / 2023-06-01 / 2023/06/01
        if (j < s.size() && (s[j] == '.' || s[j] == '-' || s[j] == '/')) {
          char separator = s[j];
          size_t k = j + 1;
          SkipSpaces(s, &k);
          int month = Digits(s, &k, 2);
          if (month >= 1 && month <= 12) {
            int day = 0;
            if (k < s.size() && s[k] == separator) {
              size_t m = k + 1;
              SkipSpaces(s, &m);
              int d = Digits(s, &m, 2);
              if (d >= 1 && d <= 31) day = d, k = m;
            }
            add(begin, k, first, month, day);
            i = k;
            continue;
          }
        }
        // 2023년 4월 6일 / 2023年4月6日 / 2019年
        size_t k = j;
        SkipSpaces(s, &k);
        std::string_view year_mark = s.substr(k).starts_with("년") ? "년" : s.substr(k).starts_with("年") ? "年" : "";
        if (!year_mark.empty()) {
          k += year_mark.size();
          size_t m = k;
          SkipSpaces(s, &m);
          int month = Digits(s, &m, 2);
          int day = 0;
          if (month >= 1 && month <= 12 && (s.substr(m).starts_with("월") || s.substr(m).starts_with("月"))) {
            m += 3;
            k = m;
            size_t d_at = m;
            SkipSpaces(s, &d_at);
            int d = Digits(s, &d_at, 2);
            if (d >= 1 && d <= 31 && (s.substr(d_at).starts_with("일") || s.substr(d_at).starts_with("日") || s.substr(d_at).starts_with("号"))) {
              day = d;
              k = d_at + 3;
            }
          } else {
            month = 0;
          }
          add(begin, k, first, month, day);
          i = k;
          continue;
        }
        // "in 2019", "since 2021": a bare year in English.
        if (lang == Lang::kEnglish && begin >= 3) {
          std::string before = ToLowerAscii(s.substr(begin >= 6 ? begin - 6 : 0, begin >= 6 ? 6 : begin));
          if (before.ends_with("in ") || before.ends_with("since ") || before.ends_with("by ")) {
            add(begin, j, first, 0, 0);
            i = j;
            continue;
          }
        }
      }
      // "3월16일" / "4月7日" without a year: the document's year.
      size_t k = i;
      int month = Digits(s, &k, 2);
      if (month >= 1 && month <= 12 && (s.substr(k).starts_with("월") || s.substr(k).starts_with("月")) && doc_year > 0) {
        k += 3;
        size_t d_at = k;
        SkipSpaces(s, &d_at);
        int day = Digits(s, &d_at, 2);
        // A year written just before ("2023년 4월") was handled above; look back for
        // relative years: 지난해 / 작년 / 去年 mean the year before.
        std::string_view before = s.substr(begin >= 12 ? begin - 12 : 0, begin >= 12 ? 12 : begin);
        int year = doc_year;
        if (before.find("지난해") != std::string_view::npos || before.find("작년") != std::string_view::npos ||
            before.find("去年") != std::string_view::npos) {
          year = doc_year - 1;
        }
        if (day >= 1 && day <= 31 && (s.substr(d_at).starts_with("일") || s.substr(d_at).starts_with("日"))) {
          add(begin, d_at + 3, year, month, day);
          i = d_at + 3;
        } else {
          add(begin, k, year, month, 0);
          i = k;
        }
        continue;
      }
    }
    // "지난 27일": this month (or the previous one when the day is still to come).
    if (s.substr(i).starts_with("지난 ") && doc_day > 0) {
      size_t k = i + std::string_view("지난 ").size();
      int day = Digits(s, &k, 2);
      if (day >= 1 && day <= 31 && s.substr(k).starts_with("일")) {
        int year = doc_year, month = doc_month;
        if (day > doc_day && --month == 0) month = 12, --year;
        add(begin, k + 3, year, month, day);
        i = k + 3;
        continue;
      }
    }
    // English: "March 14, 2023", "14 March 2023", "March 2023".
    if (lang == Lang::kEnglish && boundary && std::isalpha(static_cast<unsigned char>(s[i])) != 0) {
      size_t k = i;
      while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k])) != 0) ++k;
      std::string_view word = s.substr(i, k - i);
      int month = word.size() >= 3 && std::isupper(static_cast<unsigned char>(word[0])) != 0 ? MonthNumber(word) : 0;
      if (month > 0 && (word.size() <= 4 || ToLowerAscii(word).starts_with(ToLowerAscii(word.substr(0, 3))))) {
        size_t m = k;
        if (m < s.size() && s[m] == '.') ++m;
        SkipSpaces(s, &m);
        size_t d_at = m;
        int day = Digits(s, &d_at, 2);
        int year = -1;
        if (day >= 1 && day <= 31) {
          size_t y_at = d_at;
          if (y_at < s.size() && s[y_at] == ',') ++y_at;
          SkipSpaces(s, &y_at);
          size_t y_end = y_at;
          year = Digits(s, &y_end, 4);
          if (year >= 1900 && year <= 2100) {
            add(begin, y_end, year, month, day);
            i = y_end;
            continue;
          }
        } else {
          size_t y_end = m;
          year = Digits(s, &y_end, 4);
          if (year >= 1900 && year <= 2100) {
            add(begin, y_end, year, month, 0);
            i = y_end;
            continue;
          }
        }
      }
      i = k;
      continue;
    }
    if (boundary && std::isdigit(static_cast<unsigned char>(s[i])) != 0 && lang == Lang::kEnglish) {
      size_t k = i;
      int day = Digits(s, &k, 2);
      size_t m = k;
      SkipSpaces(s, &m);
      size_t w = m;
      while (w < s.size() && std::isalpha(static_cast<unsigned char>(s[w])) != 0) ++w;
      int month = day >= 1 && day <= 31 ? MonthNumber(s.substr(m, w - m)) : 0;
      if (month > 0 && w - m >= 3) {
        size_t y_at = w;
        SkipSpaces(s, &y_at);
        size_t y_end = y_at;
        int year = Digits(s, &y_end, 4);
        if (year >= 1900 && year <= 2100) {
          add(begin, y_end, year, month, day);
          i = y_end;
          continue;
        }
      }
    }
    // 올해/올/지난해/작년 + 월 without digits right after: handled through "N월" above.
    char32_t cp = 0;
    i += DecodeAt(s, i, &cp);
  }
  return dates;
}

}  // namespace relgraph::importers::article
