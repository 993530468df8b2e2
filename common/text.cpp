#include "common/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "common/error.h"

namespace relgraph {
namespace {

// Decodes one code point at text[i]. Returns its length in bytes, or 0 when the bytes there
// are not well-formed UTF-8 (the reason goes to *why).
size_t DecodeOne(std::string_view text, size_t i, char32_t* out, const char** why) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) {
    *out = lead;
    return 1;
  }
  size_t len;
  char32_t cp;
  char32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    *why = (lead == 0xC0 || lead == 0xC1) ? "overlong encoding"
           : (lead >= 0x80 && lead <= 0xBF) ? "unexpected continuation byte"
                                            : "not a UTF-8 lead byte";
    return 0;
  }
  if (i + len > text.size()) {
    *why = "truncated sequence";
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      *why = "truncated sequence";
      return 0;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min) {
    *why = "overlong encoding";
    return 0;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    *why = "encoded surrogate";
    return 0;
  }
  if (cp > 0x10FFFF) {
    *why = "code point above U+10FFFF";
    return 0;
  }
  *out = cp;
  return len;
}

// Calls fn(code_point) for each code point of well-formed UTF-8.
template <typename Fn>
void ForEachCodePoint(std::string_view text, Fn fn) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const char* why = nullptr;
    size_t len = DecodeOne(text, i, &cp, &why);
    if (len == 0) {  // tolerate bad bytes: count each as U+FFFD
      cp = 0xFFFD;
      len = 1;
    }
    fn(cp);
    i += len;
  }
}

icu::UnicodeString ToUnicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    throw Error(ErrorKind::kInternal, std::string("ICU NFC normaliser unavailable: ") + u_errorName(status));
  }
  return *nfc;
}

bool IsSpace(char32_t cp) {
  // ASCII answered here, as ICU's White_Space property has it (tab to carriage return, space):
  // trimming every field of a large file asked ICU twice per field.
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

}  // namespace

std::optional<Utf8Problem> CheckUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const char* why = nullptr;
    size_t len = DecodeOne(text, i, &cp, &why);
    if (len == 0) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X (%s)",
                    static_cast<unsigned char>(text[i]), why);
      return Utf8Problem{i, buf};
    }
    if (cp == 0) return Utf8Problem{i, "NUL byte"};
    i += len;
  }
  return std::nullopt;
}

std::string ToNfc(std::string_view text) {
  // Fast path: pure ASCII is always NFC.
  bool ascii = true;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = Nfc().normalize(ToUnicode(text), status);
  if (U_FAILURE(status)) throw Error(ErrorKind::kInternal, std::string("NFC failed: ") + u_errorName(status));
  return ToUtf8(normalized);
}

namespace {

const icu::Normalizer2& NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || fold == nullptr) {
    throw Error(ErrorKind::kInternal, std::string("ICU NFKC_Casefold normaliser unavailable: ") + u_errorName(status));
  }
  return *fold;
}

// Trims text and makes every inner run of white space one ASCII space.
std::string CollapseSpace(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  text = TrimSpace(text);
  while (i < text.size()) {
    char32_t cp = 0;
    const char* why = nullptr;
    size_t len = DecodeOne(text, i, &cp, &why);
    if (len == 0) {
      len = 1;
      cp = 0xFFFD;
    }
    if (IsSpace(cp)) {
      pending_space = true;
    } else {
      if (pending_space) collapsed += ' ';
      pending_space = false;
      collapsed.append(text.substr(i, len));
    }
    i += len;
  }
  return collapsed;
}

}  // namespace

std::string MatchKey(std::string_view text) {
  std::string collapsed = CollapseSpace(text);
  // Most ids and many names are ASCII, whose NFKC_Casefold is A-Z to a-z and nothing else (no
  // ASCII character is a compatibility character or default-ignorable): no need for ICU (a
  // store of a million names computes their keys).
  if (std::all_of(collapsed.begin(), collapsed.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char& c : collapsed) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return collapsed;
  }
  // Unicode's NFKC_Casefold mapping (UAX #44, NFKC_CF): NFKC, full case folding and removal of
  // default-ignorable code points, closed under itself, so the key does not depend on the
  // normalisation form the text came in. Width goes too: U+FF2F 'Ｏ' folds to 'o'. It can turn
  // a character into white space (U+3000, U+00A0, U+2002) or add some ("¨" is NFKC " ̈"),
  // so white space is collapsed again afterwards.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = NfkcCasefold().normalize(ToUnicode(collapsed), status);
  if (U_FAILURE(status)) throw Error(ErrorKind::kInternal, std::string("case folding failed: ") + u_errorName(status));
  return CollapseSpace(ToUtf8(folded));
}

std::string_view TrimSpace(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    char32_t cp = 0;
    const char* why = nullptr;
    size_t len = DecodeOne(text, begin, &cp, &why);
    if (len == 0 || !IsSpace(cp)) break;
    begin += len;
  }
  size_t end = text.size();
  while (end > begin) {
    // Step back to the start of the previous code point.
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    char32_t cp = 0;
    const char* why = nullptr;
    size_t len = DecodeOne(text, start, &cp, &why);
    if (len == 0 || start + len != end || !IsSpace(cp)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  ForEachCodePoint(text, [&](char32_t) { ++count; });
  return count;
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  ForEachCodePoint(text, [&](char32_t cp) {
    UChar32 c = static_cast<UChar32>(cp);
    int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
        (cp >= 0x1160 && cp <= 0x11FF)) {  // Hangul medial vowels and finals join the syllable
      return;
    }
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  });
  return width;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<char32_t> x, y;
  ForEachCodePoint(a, [&](char32_t cp) { x.push_back(cp); });
  ForEachCodePoint(b, [&](char32_t cp) { y.push_back(cp); });
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::optional<std::string> DecodeLegacy(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return std::nullopt;
  // Stop at the first byte sequence the charset does not define instead of substituting.
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return std::nullopt;
  return ToUtf8(text);
}

double HangulShare(std::string_view text) {
  size_t non_ascii = 0, hangul = 0;
  ForEachCodePoint(text, [&](char32_t cp) {
    if (cp < 0x80) return;
    ++non_ascii;
    if (cp >= 0xAC00 && cp <= 0xD7A3) ++hangul;
  });
  return non_ascii == 0 ? 0.0 : static_cast<double>(hangul) / static_cast<double>(non_ascii);
}

namespace {

// Appends the code point at text[i] with line breaks, tabs and other controls made visible
// (C1 controls as \u: \x would read as a raw byte); returns the bytes it read.
size_t AppendShown(std::string_view text, size_t i, std::string* out) {
  char32_t cp = 0;
  const char* why = nullptr;
  size_t len = DecodeOne(text, i, &cp, &why);
  char buf[8];
  if (len == 0) {
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[i]));
    *out += buf;
    return 1;
  }
  if (cp == '\n') {
    *out += "\\n";
  } else if (cp == '\r') {
    *out += "\\r";
  } else if (cp == '\t') {
    *out += "\\t";
  } else if (cp < 0x20 || cp == 0x7F) {
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
    *out += buf;
  } else if (cp >= 0x80 && cp <= 0x9F) {
    std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
    *out += buf;
  } else {
    out->append(text.substr(i, len));
  }
  return len;
}

}  // namespace

std::string ShowControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) i += AppendShown(text, i, &out);
  return out;
}

std::string QuoteForMessage(std::string_view text, size_t max_chars) {
  std::string out = "'";
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++chars) {
    if (chars == max_chars) {
      out += "...";
      break;
    }
    i += AppendShown(text, i, &out);
  }
  out += "'";
  return out;
}

}  // namespace relgraph
