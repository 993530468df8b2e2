// Article cleaning: from a web scrape (plain text, Markdown or HTML) to the body's paragraphs,
// each byte remembering its offset in the source; menus, captions, bylines and boilerplate out.
#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "common/text.h"
#include "importers/article_internal.h"

namespace relgraph::importers::article {

namespace {

// Text being built with the source offset of every byte.
struct Traced {
  std::string text;
  std::vector<uint32_t> origin;
  void Append(std::string_view piece, size_t source_offset) {
    for (size_t i = 0; i < piece.size(); ++i) {
      text += piece[i];
      origin.push_back(static_cast<uint32_t>(source_offset + i));
    }
  }
  void AppendMapped(std::string_view piece, size_t source_offset) {  // a decoded entity: all bytes at one offset
    for (char c : piece) {
      text += c;
      origin.push_back(static_cast<uint32_t>(source_offset));
    }
  }
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// ---- HTML to text -------------------------------------------------------------------------

std::string DecodeEntity(std::string_view name) {
  static const std::unordered_map<std::string_view, std::string_view> kNamed = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}, {"middot", "·"},
      {"hellip", "…"}, {"ldquo", "“"}, {"rdquo", "”"}, {"lsquo", "‘"}, {"rsquo", "’"}, {"mdash", "—"}, {"ndash", "–"},
      {"copy", "©"}, {"reg", "®"}, {"trade", "™"}, {"laquo", "«"}, {"raquo", "»"}};
  if (name.starts_with("#")) {
    char32_t cp = 0;
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 8) return "";
    char* end = nullptr;
    cp = static_cast<char32_t>(std::strtoul(digits.c_str(), &end, hex ? 16 : 10));
    if (*end != '\0' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return "";
    std::string out;
    AppendUtf8(&out, cp == 0xA0 ? U' ' : cp);
    return out;
  }
  auto it = kNamed.find(name);
  return it == kNamed.end() ? "" : std::string(it->second);
}

std::string AttributeValue(std::string_view tag, std::string_view attribute) {
  std::string lower = ToLowerAscii(tag);
  size_t at = 0;
  while ((at = lower.find(attribute, at)) != std::string::npos) {
    size_t after = at + attribute.size();
    bool starts = at > 0 && (IsSpaceByte(lower[at - 1]) || lower[at - 1] == '\n');
    while (after < lower.size() && IsSpaceByte(lower[after])) ++after;
    if (starts && after < lower.size() && lower[after] == '=') {
      ++after;
      while (after < lower.size() && IsSpaceByte(lower[after])) ++after;
      if (after >= tag.size()) return "";
      char quote = tag[after];
      if (quote == '"' || quote == '\'') {
        size_t close = tag.find(quote, after + 1);
        return std::string(tag.substr(after + 1, close == std::string_view::npos ? std::string_view::npos : close - after - 1));
      }
      size_t close = after;
      while (close < tag.size() && !IsSpaceByte(tag[close]) && tag[close] != '>') ++close;
      return std::string(tag.substr(after, close - after));
    }
    at = after;
  }
  return "";
}

// Strips tags, keeping the text of the page; elements that never hold article text (scripts,
// navigation, figures and their captions, forms) are dropped with their content. Block
// elements end paragraphs. The <title> or first <h1> becomes the headline.
Traced HtmlToText(std::string_view html, std::string* title, std::string* date) {
  static const std::unordered_set<std::string_view> kSkip = {"script", "style", "nav", "header", "footer", "aside",
                                                             "figure", "figcaption", "form", "button", "noscript",
                                                             "svg", "iframe", "select", "template", "head"};
  static const std::unordered_set<std::string_view> kBlock = {
      "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table", "section",
      "article", "blockquote", "main", "dd", "dt", "hr", "pre", "title", "body", "html"};
  Traced out;
  std::string skip_until;  // name of the element whose content we are skipping
  int skip_depth = 0;
  bool in_title = false, in_h1 = false;
  std::string title_text, h1_text;
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        size_t close = html.find("-->", i + 4);
        i = close == std::string_view::npos ? html.size() : close + 3;
        continue;
      }
      size_t close = html.find('>', i + 1);
      if (close == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, close - i - 1);
      i = close + 1;
      bool closing = !tag.empty() && tag[0] == '/';
      size_t name_start = closing ? 1 : 0;
      size_t name_end = name_start;
      while (name_end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[name_end])) != 0)) ++name_end;
      std::string name = ToLowerAscii(tag.substr(name_start, name_end - name_start));
      if (name.empty()) continue;
      if (!skip_until.empty()) {
        if (name == skip_until) skip_depth += closing ? -1 : (tag.ends_with("/") ? 0 : 1);
        if (skip_depth == 0) skip_until.clear();
        continue;
      }
      if (name == "meta" && date->empty()) {
        std::string property = AttributeValue(tag, "property") + AttributeValue(tag, "name");
        if (property.find("published") != std::string::npos || property == "date" || property.find("pubdate") != std::string::npos) {
          std::string content = AttributeValue(tag, "content");
          if (content.size() >= 10 && !CheckDate(content.substr(0, 10))) *date = content.substr(0, 10);
        }
      }
      if (name == "title" && !closing) {
        in_title = true;
      } else if (name == "title") {
        in_title = false;
      }
      if (name == "h1") in_h1 = !closing;
      if (!closing && kSkip.count(name) != 0 && !tag.ends_with("/")) {
        skip_until = name;
        skip_depth = 1;
        continue;
      }
      if (kBlock.count(name) != 0) out.Append("\n", i - 1);
      continue;
    }
    if (!skip_until.empty()) {
      ++i;
      continue;
    }
    std::string piece;
    size_t start = i;
    if (c == '&') {
      size_t semi = html.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 10) {
        piece = DecodeEntity(html.substr(i + 1, semi - i - 1));
        if (!piece.empty()) {
          i = semi + 1;
          if (in_title) title_text += piece;
          else if (in_h1) h1_text += piece;
          if (!in_title) out.AppendMapped(piece, start);
          continue;
        }
      }
    }
    char32_t cp = 0;
    size_t len = DecodeAt(html, i, &cp);
    std::string_view raw = html.substr(i, len);
    i += len;
    if (in_title) {
      title_text += raw;
      continue;
    }
    if (in_h1) h1_text += raw;
    if (raw == "\n" || raw == "\r" || raw == "\t") {
      out.Append(" ", start);
    } else {
      out.Append(raw, start);
    }
  }
  std::string chosen = !h1_text.empty() ? h1_text : title_text;
  *title = std::string(TrimSpace(chosen));
  return out;
}

// ---- Markdown to text ---------------------------------------------------------------------

// Removes Markdown markup line by line; headings are kept as lines starting with '#' so the
// classifier treats them as headlines, never as body.
Traced MarkdownToText(std::string_view md) {
  Traced out;
  size_t line_start = 0;
  while (line_start <= md.size()) {
    size_t line_end = md.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = md.size();
    std::string_view line = md.substr(line_start, line_end - line_start);
    size_t i = 0;
    while (i < line.size() && IsSpaceByte(line[i])) ++i;
    if (line.substr(i).starts_with("#")) {
      out.Append(line.substr(i), line_start + i);  // heading: the classifier sees '#'
    } else {
      if (line.substr(i).starts_with("> ")) i += 2;
      if (line.substr(i).starts_with("- ") || line.substr(i).starts_with("* ") || line.substr(i).starts_with("+ ")) i += 2;
      while (i < line.size()) {
        char c = line[i];
        if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {  // image: drop
          size_t close = line.find("](", i);
          size_t paren = close == std::string_view::npos ? close : line.find(')', close);
          if (paren != std::string_view::npos) {
            i = paren + 1;
            continue;
          }
        }
        if (c == '[') {  // link: keep its text
          size_t close = line.find("](", i);
          size_t paren = close == std::string_view::npos ? close : line.find(')', close);
          if (paren != std::string_view::npos) {
            out.Append(line.substr(i + 1, close - i - 1), line_start + i + 1);
            i = paren + 1;
            continue;
          }
        }
        if (c == '*' || c == '_' || c == '`') {
          // Emphasis markers; an underscore inside a word is part of it.
          bool inner = c == '_' && i > 0 && i + 1 < line.size() && std::isalnum(static_cast<unsigned char>(line[i - 1])) != 0 &&
                       std::isalnum(static_cast<unsigned char>(line[i + 1])) != 0;
          if (!inner) {
            ++i;
            continue;
          }
        }
        out.Append(line.substr(i, 1), line_start + i);
        ++i;
      }
    }
    out.Append("\n", line_end);
    line_start = line_end + 1;
  }
  return out;
}

// ---- Line classification ------------------------------------------------------------------

bool StartsWithAny(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes) {
    if (text.starts_with(prefix)) return true;
  }
  return false;
}
bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (text.find(needle) != std::string_view::npos) return true;
  }
  return false;
}
bool EndsWithAny(std::string_view text, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (text.ends_with(suffix)) return true;
  }
  return false;
}

// Lines that end the article: copyright notices, comment sections, lists of other articles.
bool IsEndMarker(std::string_view line) {
  return StartsWithAny(line, {"ⓒ", "©", "Copyright", "COPYRIGHT", "<저작권자", "저작권자", "[저작권자", "(저작권자", "무단전재",
                              "무단 전재", "Related Articles", "Related articles", "RELATED", "More from", "인기기사",
                              "많이 본 뉴스", "가장 많이 본", "댓글 (", "관련기사", "관련 기사", "相关阅读", "相关新闻",
                              "推荐阅读", "热门文章", "版权所有", "(版权", "（版权", "Read more:", "Most read", "MOST READ"}) ||
         ContainsAny(line, {"All rights reserved", "all rights reserved", "무단전재 및 재배포", "무단 전재 및 재배포",
                            "재배포 금지", "재배포금지", "版权所有"});
}

// Where a photo credit begins in a line ("사진=X", "(사진 제공=X)", "… Photographer: X",
// "（图片来源：X）"): at its start, after an opening bracket or after a space; npos if nowhere.
size_t CreditAt(std::string_view line) {
  size_t best = std::string_view::npos;
  for (std::string_view credit : {"사진=", "사진 =", "사진 제공", "Photographer:", "Photo:", "PHOTO:", "Photo by", "Credit:", "图片来源", "图源"}) {
    for (size_t at = line.find(credit); at != std::string_view::npos && at < best; at = line.find(credit, at + 1)) {
      std::string_view before = line.substr(0, at);
      if (before.empty() || EndsWithAny(before, {" ", "(", "[", "（"})) {
        best = before.empty() || before.ends_with(" ") ? at : at - (before.ends_with("（") ? 3 : 1);
        break;
      }
    }
  }
  return best;
}

// Lines that are never body: markers, buttons, datelines, bylines, photo captions and credits.
bool IsBoilerplate(std::string_view line) {
  size_t length = CountCodePoints(line);
  if (CreditAt(line) == 0) return true;
  // A photo caption written as a sentence states who did what ("▲ A 장관과 B 대표가 … 업무협약을
  // 체결했다."): body; a short "▲" line is a marker.
  if (line.starts_with("▲")) return length < 30 || line.find("다.") == std::string_view::npos;
  if (StartsWithAny(line, {"default_", "ADVERTISEMENT", "Advertisement", "광고", "AD ", "▶", "☞", "[사진", "(사진",
                           "<사진", "[그래픽", "Image:", "图为", "图片：",
                           "来源：", "来源:", "编辑：", "责任编辑", "原标题", "记者：", "Share", "Tweet", "Print", "Email",
                           "Subscribe", "Sign up", "Follow us", "기사승인", "기사입력", "입력 ", "입력:", "수정 ", "수정:",
                           "업데이트", "Published", "Updated", "发布时间", "发布于", "#"})) {
    return true;
  }
  if (line == "입력" || line == "수정") return true;
  if (length <= 40 && ContainsAny(line, {"구독", "공유", "스크랩", "프린트", "클린뷰", "댓글", "글자크기", "기사저장",
                                         "Newsletter", "newsletter", "cookies", "Cookie", "分享到", "扫一扫", "微信扫"})) {
    return true;
  }
  // Share buttons name social networks; a sentence about LinkedIn is longer than a button row.
  if (length <= 25 && ContainsAny(line, {"카카오톡", "페이스북", "트위터", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "微博"})) return true;
  // Bylines: "홍길동 기자 hong@example.com", "By Jane Doe", "记者 张三".
  if (length <= 60 && (line.find('@') != std::string_view::npos || EndsWithAny(line, {"기자", "특파원", "에디터", "위원"}) ||
                       line.starts_with("By ") || line.starts_with("记者"))) {
    return true;
  }
  // Photo captions: "..., 사진 닛케이아시아 캡처", "... /연합뉴스", "... REUTERS" (but a paragraph of
  // sentences may name its source after its last full stop: "… the companies said. Reuters").
  for (std::string_view credit : {"캡처", "캡쳐", "제공", "REUTERS", "Reuters", "AFP", "AP", "연합뉴스", "뉴스1", "뉴시스",
                                  "게티이미지", "게티이미지뱅크", "Getty Images", "供图", "摄"}) {
    if (!line.ends_with(credit)) continue;
    const std::string_view rest = TrimSpace(line.substr(0, line.size() - credit.size()));
    const bool paragraph = CountCodePoints(rest) >= 80 && EndsWithAny(rest, {".", "。", "!", "?"}) &&
                           ContainsAny(rest.substr(0, rest.size() - 1), {". ", "。", "! ", "? "});
    return !paragraph;
  }
  size_t last_stop = line.rfind(". ");
  if (last_stop != std::string_view::npos &&
      StartsWithAny(line.substr(last_stop + 2), {"사진 ", "사진=", "출처 ", "출처=", "출처:", "자료 ", "자료=", "그래픽 ", "Photo",
                                                  "Credit", "Source:", "图片"})) {
    return true;
  }
  return false;
}

// A photo caption names who is in the picture ("왼쪽부터 A 카카오 대표, B 오픈AI CEO (사진=X)",
// "AMD CEO Lisa Su. Photographer: X"): the length of the caption before its credit, or 0 when
// the line carries no credit after a caption of some length.
size_t CaptionBeforeCredit(std::string_view line) {
  size_t best = CreditAt(line);
  if (best == std::string_view::npos) return 0;
  std::string_view caption = TrimSpace(line.substr(0, best));
  if (CountCodePoints(caption) < 12) return 0;
  return static_cast<size_t>(caption.data() - line.data()) + caption.size();
}

// A body paragraph ends like a sentence: a full stop, question or exclamation mark, possibly
// inside quotes or brackets. Once the body has started, a long paragraph whose end was cut off
// (scrapes are truncated) is body too.
bool LooksLikeBody(std::string_view line, bool body_started) {
  if (body_started && CountCodePoints(line) >= 60 && std::count(line.begin(), line.end(), ' ') >= 8) return true;
  std::string_view rest = line;
  for (;;) {
    bool trimmed = false;
    for (std::string_view closer : {"”", "’", "\"", "'", ")", "）", "」", "』", "]", "》", " "}) {
      if (rest.ends_with(closer) && rest.size() > closer.size()) {
        rest.remove_suffix(closer.size());
        trimmed = true;
      }
    }
    if (!trimmed) break;
  }
  if (EndsWithAny(rest, {".", "!", "?", "。", "！", "？", "…"})) return CountCodePoints(line) >= 12;
  // A long paragraph with sentences inside whose end was cut off (scrapes are truncated).
  return CountCodePoints(line) >= 40 && ContainsAny(line, {". ", "。", "! ", "? ", "！", "？"});
}

// Strips a dateline or byline at the start of a body line: "[뉴스투데이=홍길동 기자] ",
// "(서울=연합뉴스) 홍길동 기자 = ", "WASHINGTON (Reuters) - ", "新华社北京6月1日电（记者 张三）".
size_t BylinePrefix(std::string_view line) {
  size_t at = 0;
  for (std::string_view open : {"[", "(", "【", "（"}) {
    if (!line.starts_with(open)) continue;
    std::string_view close = open == "[" ? "]" : open == "(" ? ")" : open == "【" ? "】" : "）";
    size_t end = line.find(close);
    if (end == std::string_view::npos || end > 90) return 0;
    std::string_view inside = line.substr(open.size(), end - open.size());
    if (!ContainsAny(inside, {"기자", "=", "특파원", "记者", "电", "Reuters", "AP", "AFP", "Bloomberg", "Yonhap"})) return 0;
    at = end + close.size();
  }
  if (at == 0) {
    size_t dian = line.find("电（");  // 新华社北京6月1日电（记者 张三）
    if (dian != std::string_view::npos && dian < 60) {
      size_t end = line.find("）", dian);
      if (end != std::string_view::npos) at = end + std::string_view("）").size();
    }
    size_t reuters = line.find("(Reuters) -");
    if (reuters != std::string_view::npos && reuters < 40) at = reuters + 11;
  }
  if (at == 0) return 0;
  std::string_view rest = line.substr(at);
  // "홍길동 기자 = " after the bracket.
  size_t equals = rest.find(" = ");
  if (equals != std::string_view::npos && equals < 30 && rest.substr(0, equals).find("기자") != std::string_view::npos) {
    at += equals + 3;
  }
  while (at < line.size() && (IsSpaceByte(line[at]) || line[at] == '-' || line[at] == '=')) ++at;
  if (line.substr(at).starts_with("—")) at += 3;
  while (at < line.size() && IsSpaceByte(line[at])) ++at;
  return at;
}

struct Line {
  size_t begin = 0, end = 0;  // trimmed, bytes in the traced text
  std::string_view text;
};

// Wire copy is often hard-wrapped: its sentences run over lines of similar length that end
// without a full stop ("Google Inc said on Sunday it had\nagreed to acquire ..."). When most
// lines of a Latin-script text are wrapped so, a line break (LF or CR LF) inside a paragraph
// becomes one space, traced to the break.
void UnwrapHardWrappedLines(Traced* traced) {
  const std::string* text = &traced->text;
  size_t lines = 0, wrapped = 0, longest = 0, latin = 0, letters = 0;
  for (size_t start = 0; start < text->size();) {
    size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    std::string_view line = TrimSpace(std::string_view(*text).substr(start, end - start));
    if (line.size() >= 30) {
      ++lines;
      longest = std::max(longest, line.size());
      char last = line.back();
      if (last != '.' && last != '!' && last != '?' && last != '"' && last != ')' && last != ':' && !line.ends_with("”") && !line.ends_with("’")) ++wrapped;
    }
    for (char c : line) {
      if ((static_cast<unsigned char>(c) & 0x80) == 0 && std::isalpha(static_cast<unsigned char>(c)) != 0) ++latin;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !IsSpaceByte(c)) ++letters;
    }
    start = end + 1;
  }
  if (lines < 6 || wrapped * 2 < lines || longest > 100 || latin * 10 < letters * 8) return;
  Traced joined;
  joined.text.reserve(text->size());
  joined.origin.reserve(traced->origin.size());
  for (size_t i = 0; i < text->size(); ++i) {
    const size_t after = (*text)[i] == '\r' && i + 1 < text->size() && (*text)[i + 1] == '\n' ? i + 2 : i + 1;
    const bool line_break = (*text)[i] == '\n' || after == i + 2;
    if (line_break && i > 0 && (*text)[i - 1] != '\n' && (*text)[i - 1] != '\r' && after < text->size() &&
        (*text)[after] != '\n' && (*text)[after] != '\r' && !IsSpaceByte((*text)[after])) {
      joined.text += ' ';
      joined.origin.push_back(traced->origin[i]);
      i = after - 1;
      continue;
    }
    joined.text += (*text)[i];
    joined.origin.push_back(traced->origin[i]);
  }
  joined.origin.insert(joined.origin.end(), traced->origin.begin() + static_cast<std::ptrdiff_t>(text->size()), traced->origin.end());
  *traced = std::move(joined);
}

}  // namespace

// Pages that annotate Chinese with its reading put the pinyin in brackets after a character
// ("英偉達(dá)", "產(chǎn)業(yè)"): the reading is no text, and it splits names. A bracket right after a
// Han character that holds one syllable of Latin letters with a tone mark goes.
void StripPinyinReadings(Traced* traced) {
  static constexpr std::u32string_view kToneMarks = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  const std::string& text = traced->text;
  Traced kept;
  kept.text.reserve(text.size());
  kept.origin.reserve(traced->origin.size());
  char32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const size_t len = DecodeAt(text, i, &cp);
    if ((cp == U'(' || cp == U'（') && IsHan(previous)) {
      size_t k = i + len;
      int letters = 0, marks = 0;
      char32_t inner = 0;
      while (k < text.size() && letters <= 7) {
        const size_t inner_len = DecodeAt(text, k, &inner);
        if (inner == U')' || inner == U'）') break;
        const bool mark = kToneMarks.find(inner) != std::u32string_view::npos;
        if (!mark && !(inner >= U'a' && inner <= U'z')) break;
        marks += mark, ++letters;
        k += inner_len;
      }
      if ((inner == U')' || inner == U'）') && letters >= 1 && letters <= 7 && marks >= 1) {
        i = k + (inner == U')' ? 1 : 3);
        continue;  // (the Han character before stays "previous": "產(chǎn)業(yè)" reads on)
      }
    }
    for (size_t b = 0; b < len; ++b) {
      kept.text += text[i + b];
      kept.origin.push_back(traced->origin[i + b]);
    }
    previous = cp;
    i += len;
  }
  kept.origin.insert(kept.origin.end(), traced->origin.begin() + static_cast<std::ptrdiff_t>(text.size()), traced->origin.end());
  *traced = std::move(kept);
}

CleanText CleanArticle(std::string_view source, std::string_view kind) {
  CleanText clean;
  Traced traced;
  std::string html_title;
  if (kind == "html") {
    traced = HtmlToText(source, &html_title, &clean.date);
  } else if (kind == "md") {
    traced = MarkdownToText(source);
  } else {
    traced.Append(source, 0);
  }
  traced.origin.push_back(static_cast<uint32_t>(source.size()));
  UnwrapHardWrappedLines(&traced);
  StripPinyinReadings(&traced);

  std::vector<Line> lines;
  std::string_view all = traced.text;
  for (size_t start = 0; start <= all.size();) {
    size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view raw = all.substr(start, end - start);
    std::string_view trimmed = TrimSpace(raw);
    if (!trimmed.empty()) {
      size_t begin = start + static_cast<size_t>(trimmed.data() - raw.data());
      lines.push_back({begin, begin + trimmed.size(), trimmed});
    }
    start = end + 1;
  }

  // A line seen again is a repeated block (scrapes repeat photo captions and teasers): only its
  // first occurrence counts. (A caption names who is in the picture: "A 카카오 대표가 …".)
  std::unordered_map<std::string_view, std::vector<size_t>> seen;
  for (size_t i = 0; i < lines.size(); ++i) seen[lines[i].text].push_back(i);
  std::vector<bool> drop(lines.size(), false);
  for (const auto& [text, where] : seen) {
    for (size_t k = 1; k < where.size(); ++k) drop[where[k]] = true;
  }

  bool body_started = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].text;
    // A caption keeps the names before its credit; the credit is no text.
    const size_t caption = drop[i] ? 0 : CaptionBeforeCredit(line);
    if (caption > 0) {
      lines[i].end = lines[i].begin + caption;
      line = line.substr(0, caption);
    }
    if (IsEndMarker(line)) {
      if (body_started) break;
      continue;
    }
    if (caption == 0 && IsBoilerplate(line)) {
      if (clean.date.empty() && CountCodePoints(line) <= 80) {
        std::vector<StatedDate> dates = FindDates(line, Lang::kEnglish, "");
        for (const StatedDate& date : dates) {
          if (date.date.size() == 10) {
            clean.date = date.date;
            break;
          }
        }
      }
      if (line.starts_with("#") && clean.title.empty()) {
        std::string_view heading = line;
        while (heading.starts_with("#")) heading.remove_prefix(1);
        clean.title = std::string(TrimSpace(heading));
      }
      continue;
    }
    if (drop[i]) continue;
    if (caption == 0 && !LooksLikeBody(line, body_started)) {
      size_t length = CountCodePoints(line);
      if (clean.title.empty() && !body_started && length >= 8 && length <= 150) clean.title = std::string(line);
      continue;
    }
    size_t skip = BylinePrefix(line);
    size_t begin = lines[i].begin + skip;
    if (!clean.text.empty()) {
      clean.text += '\n';
      clean.origin.push_back(traced.origin[begin]);
    }
    for (size_t k = begin; k < lines[i].end; ++k) {
      clean.text += traced.text[k];
      clean.origin.push_back(traced.origin[k]);
    }
    body_started = true;
  }
  clean.origin.push_back(clean.text.empty() ? 0 : traced.origin[std::min(traced.origin.size() - 1, lines.empty() ? 0 : lines.back().end)]);
  if (!html_title.empty()) clean.title = html_title;
  return clean;
}

}  // namespace relgraph::importers::article
