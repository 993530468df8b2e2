// Article text: from a web scrape (plain text, Markdown or HTML) to body paragraphs, language
// and sentences; plus the amounts and dates a sentence states.
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

// Lines that are never body: markers, buttons, datelines, bylines, photo captions.
bool IsBoilerplate(std::string_view line) {
  size_t length = CountCodePoints(line);
  if (StartsWithAny(line, {"default_", "ADVERTISEMENT", "Advertisement", "광고", "AD ", "▲", "▶", "☞", "[사진", "(사진",
                           "<사진", "사진=", "사진 =", "[그래픽", "Photo:", "PHOTO:", "Image:", "图为", "图片来源", "图片：",
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
  // Photo captions: "..., 사진 닛케이아시아 캡처", "... /연합뉴스", "... REUTERS".
  if (EndsWithAny(line, {"캡처", "캡쳐", "제공", "REUTERS", "Reuters", "AFP", "AP", "연합뉴스", "뉴스1", "뉴시스",
                         "게티이미지", "게티이미지뱅크", "Getty Images", "供图", "摄"})) {
    return true;
  }
  size_t last_stop = line.rfind(". ");
  if (last_stop != std::string_view::npos &&
      StartsWithAny(line.substr(last_stop + 2), {"사진 ", "사진=", "출처 ", "출처=", "출처:", "자료 ", "자료=", "그래픽 ", "Photo",
                                                  "Credit", "Source:", "图片"})) {
    return true;
  }
  return false;
}

// A body paragraph ends like a sentence: a full stop, question or exclamation mark, possibly
// inside quotes or brackets.
bool LooksLikeBody(std::string_view line) {
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

}  // namespace

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

  // A line seen twice close together is a photo caption (scrapes repeat them); seen again
  // further on, it is a repeated block and only its first occurrence counts.
  std::unordered_map<std::string_view, std::vector<size_t>> seen;
  for (size_t i = 0; i < lines.size(); ++i) seen[lines[i].text].push_back(i);
  std::vector<bool> drop(lines.size(), false);
  for (const auto& [text, where] : seen) {
    if (where.size() < 2) continue;
    bool caption = false;
    for (size_t k = 1; k < where.size(); ++k) caption = caption || where[k] - where[k - 1] <= 2;
    for (size_t k = caption ? 0 : 1; k < where.size(); ++k) drop[where[k]] = true;
  }

  bool body_started = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].text;
    if (IsEndMarker(line)) {
      if (body_started) break;
      continue;
    }
    if (IsBoilerplate(line)) {
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
    if (!LooksLikeBody(line)) {
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

bool StartsClosing(std::string_view text) {
  for (std::string_view closer : {"”", "’", "\"", ")", "）", "」", "』", "》"}) {
    if (text.starts_with(closer)) return true;
  }
  return false;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, Lang lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = lang == Lang::kKorean ? icu::Locale("ko") : lang == Lang::kChinese ? icu::Locale("zh") : icu::Locale("en@ss=standard");
  std::unique_ptr<icu::BreakIterator> breaker(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !breaker) {
    status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !breaker) throw Error(ErrorKind::kInternal, std::string("ICU sentence breaker unavailable: ") + u_errorName(status));

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
      if (trimmed.empty()) continue;
      size_t begin = para_start + sentence.begin + static_cast<size_t>(trimmed.data() - piece.data());
      sentences.push_back({begin, begin + trimmed.size()});
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
