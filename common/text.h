// Unicode helpers. relgraph keeps all text as UTF-8 in Unicode NFC; names are compared by a
// match key (NFKC + full case folding) so that NFD input, width, Latin case and spacing do not matter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace relgraph {

struct Utf8Problem {
  size_t offset = 0;    // byte offset of the first bad byte
  std::string what;     // e.g. "invalid UTF-8 byte 0xC0 (overlong encoding)"
};

// Checks that text is well-formed UTF-8: no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing above U+10FFFF, no truncated sequence, and no NUL byte. Returns the first problem.
std::optional<Utf8Problem> CheckUtf8(std::string_view text);

// Returns text in Normalization Form C. Precondition: CheckUtf8(text) found nothing.
std::string ToNfc(std::string_view text);

// The key under which names are compared: Unicode's NFKC_Casefold (NFKC, full case folding,
// default-ignorable code points removed), surrounding white space removed and inner runs of
// white space (line breaks and tabs included) made one space. "네이버" in NFD, "NAVER",
// " naver " and full-width "ＮＡＶＥＲ" give the same key as "naver" / "네이버" in NFC.
std::string MatchKey(std::string_view text);

// Removes leading and trailing Unicode white space (including U+00A0 and U+3000).
std::string_view TrimSpace(std::string_view text);

// Number of code points in well-formed UTF-8.
size_t CountCodePoints(std::string_view text);

// Columns a terminal uses to show text: East Asian wide and full-width characters count 2,
// combining marks 0, others 1.
size_t DisplayWidth(std::string_view text);

// Levenshtein distance between two strings, counted in code points.
size_t EditDistance(std::string_view a, std::string_view b);

// Converts text in a legacy charset ("windows-949", "GBK", ...) to UTF-8 through ICU. Returns
// nothing when the bytes are not valid in that charset.
std::optional<std::string> DecodeLegacy(std::string_view bytes, const char* charset);

// Share of Hangul syllables among the non-ASCII code points of UTF-8 text (0 when none).
double HangulShare(std::string_view text);

// User text for a message line, unquoted: tab, LF and CR shown as \t, \n and \r, other
// control characters as \xNN (C0, DEL) or \uNNNN (C1), so a name cannot break or fake lines.
std::string ShowControls(std::string_view text);

// Quotes user text for a message: single quotes, control characters and invalid bytes escaped,
// cut to max_chars code points with "..." so one hostile field cannot flood the terminal.
std::string QuoteForMessage(std::string_view text, size_t max_chars = 60);

}  // namespace relgraph
