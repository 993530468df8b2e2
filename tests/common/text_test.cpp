#include "common/text.h"

#include <gtest/gtest.h>

namespace relgraph {
namespace {

TEST(CheckUtf8, AcceptsMixedScripts) {
  EXPECT_FALSE(CheckUtf8("네이버 Naver 百度 Zürich 🙂"));
}

TEST(CheckUtf8, RejectsOverlongSlash) {
  auto problem = CheckUtf8("ab\xC0\xAF");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->offset, 2u);
  EXPECT_EQ(problem->what, "invalid UTF-8 byte 0xC0 (overlong encoding)");
}

TEST(CheckUtf8, RejectsOverlongThreeByteForm) {
  auto problem = CheckUtf8("\xE0\x80\xAF");  // '/' in three bytes
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->what, "invalid UTF-8 byte 0xE0 (overlong encoding)");
}

TEST(CheckUtf8, RejectsEncodedSurrogate) {
  auto problem = CheckUtf8("x\xED\xA0\x80");  // U+D800
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->offset, 1u);
  EXPECT_EQ(problem->what, "invalid UTF-8 byte 0xED (encoded surrogate)");
}

TEST(CheckUtf8, RejectsNulAndTruncation) {
  auto nul = CheckUtf8(std::string_view("a\0b", 3));
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->what, "NUL byte");
  auto truncated = CheckUtf8("\xEB\x84");
  ASSERT_TRUE(truncated);
  EXPECT_EQ(truncated->what, "invalid UTF-8 byte 0xEB (truncated sequence)");
  auto too_high = CheckUtf8("\xF4\x90\x80\x80");  // U+110000
  ASSERT_TRUE(too_high);
  EXPECT_EQ(too_high->what, "invalid UTF-8 byte 0xF4 (code point above U+10FFFF)");
}

TEST(ToNfc, ComposesHangulJamo) {
  // 네이버 spelled with conjoining jamo (NFD) becomes the three precomposed syllables.
  std::string nfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";
  EXPECT_EQ(ToNfc(nfd), "네이버");
  EXPECT_EQ(ToNfc("Cafe\xCC\x81"), "Caf\xC3\xA9");
}

// ASCII keys are made without ICU; next to a non-ASCII letter the same characters go through
// ICU's NFC and full case folding, which must agree with them.
TEST(MatchKey, AsciiKeysAgreeWithIcuFolding) {
  for (int c = 1; c < 128; ++c) {
    std::string ascii = "x" + std::string(1, static_cast<char>(c)) + "Y";
    std::string key = MatchKey(ascii);
    EXPECT_EQ(MatchKey("\xC3\xA9" + ascii), MatchKey("\xC3\xA9") + key) << c;  // é before it
  }
  EXPECT_EQ(MatchKey("  Org_0142 AB  "), "org_0142 ab");
}

TEST(MatchKey, IgnoresCaseFormAndSpacing) {
  std::string nfd = "\xE1\x84\x82\xE1\x85\xA6\xE1\x84\x8B\xE1\x85\xB5\xE1\x84\x87\xE1\x85\xA5";
  EXPECT_EQ(MatchKey(nfd), MatchKey("네이버"));
  EXPECT_EQ(MatchKey("  NAVER   Corp. "), "naver corp.");
  EXPECT_EQ(MatchKey("STRASSE"), MatchKey("straße"));  // full folding: ß -> ss
  EXPECT_NE(MatchKey("百度"), MatchKey("白度"));
}

TEST(MatchKey, FoldsWidthAndCompatibilityForms) {
  // Issue 16: NFKC_Casefold. Full-width Latin (U+FF21..) is ASCII; U+3000 is a space; the
  // ligature U+FB01 is "fi"; a soft hyphen (U+00AD, default-ignorable) goes; half-width
  // katakana (U+FF8A U+FF9E) is the full-width syllable (U+30D0); line breaks and tabs are
  // white space like any other.
  EXPECT_EQ(MatchKey("\xEF\xBC\xAF\xEF\xBD\x90\xEF\xBD\x85\xEF\xBD\x8E\xEF\xBC\xA1\xEF\xBC\xA9"), "openai");  // ＯｐｅｎＡＩ
  EXPECT_EQ(MatchKey("\xEF\xBC\xAE\xEF\xBD\x81\xEF\xBD\x96\xEF\xBD\x85\xEF\xBD\x92\xE3\x80\x80" "Corp\xEF\xBC\x8E"),
            "naver corp.");                                        // Ｎａｖｅｒ　Corp．
  EXPECT_EQ(MatchKey("\xEF\xAC\x81nance"), "finance");             // ﬁnance
  EXPECT_EQ(MatchKey("Open\xC2\xAD" "AI"), "openai");                  // soft hyphen
  EXPECT_EQ(MatchKey("\xEF\xBE\x8A\xEF\xBE\x9E"), "\xE3\x83\x90");  // ﾊﾞ -> バ
  EXPECT_EQ(MatchKey("Line one\r\n\tLine two"), "line one line two");
  // Hangul and Han are unchanged by width folding.
  EXPECT_EQ(MatchKey("네이버 百度"), "네이버 百度");
}

TEST(TrimSpace, RemovesUnicodeSpaces) {
  EXPECT_EQ(TrimSpace("\xE3\x80\x80 네이버\xC2\xA0"), "네이버");  // U+3000, U+00A0
  EXPECT_EQ(TrimSpace("   "), "");
}

TEST(TrimSpace, TreatsAsciiAsTheWhiteSpacePropertyDoes) {
  // ASCII is answered without ICU: tab, line feed, vertical tab, form feed, carriage return and
  // space are white space; the information separators 0x1C-0x1F are not.
  EXPECT_EQ(TrimSpace("\t\n\v\f\r x y \r\n"), "x y");
  for (char c : std::string("\x1C\x1D\x1E\x1F\x00\x85", 6)) {
    std::string text = std::string(1, c) + "x" + std::string(1, c);
    EXPECT_EQ(TrimSpace(text), text) << static_cast<int>(static_cast<unsigned char>(c));
  }
  EXPECT_EQ(MatchKey("a\v\f b"), "a b");
}

TEST(DisplayWidth, CountsWideCharactersTwice) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("네이버"), 6u);
  EXPECT_EQ(DisplayWidth("百度"), 4u);
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
}

TEST(EditDistance, CountsCodePoints) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("네이버", "네이브"), 1u);
  EXPECT_EQ(EditDistance("", "ab"), 2u);
}

TEST(QuoteForMessage, EscapesAndCuts) {
  EXPECT_EQ(QuoteForMessage("a\nb\tc\x01"), "'a\\nb\\tc\\x01'");
  EXPECT_EQ(QuoteForMessage("\xFF"), "'\\xFF'");
  EXPECT_EQ(QuoteForMessage("네이버네이버", 3), "'네이버...'");
}

}  // namespace
}  // namespace relgraph
