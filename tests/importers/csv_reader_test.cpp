#include "importers/csv_reader.h"

#include <gtest/gtest.h>

namespace relgraph::importers {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text) {
  CsvReader reader("t.csv", text);
  std::vector<std::vector<std::string>> records;
  std::vector<CsvField> fields;
  while (reader.Next(&fields)) {
    std::vector<std::string> values;
    for (const CsvField& field : fields) values.push_back(field.value);
    records.push_back(values);
  }
  return records;
}

std::string ErrorOf(std::string_view text) {
  try {
    ReadAll(text);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

using Records = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsPlainRecordsWithoutTrailingNewline) {
  EXPECT_EQ(ReadAll("a,b\n1,2"), (Records{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, ReadsQuotesDoubledQuotesAndLineBreaksInsideQuotes) {
  EXPECT_EQ(ReadAll("a,\"x, \"\"y\"\"\nz\"\n"), (Records{{"a", "x, \"y\"\nz"}}));
}

TEST(CsvReader, AcceptsCrlfAndBom) {
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFid,name\r\n1,\"a\r\nb\"\r\n"), (Records{{"id", "name"}, {"1", "a\r\nb"}}));
}

TEST(CsvReader, KeepsEmptyFieldsAndSkipsEmptyLines) {
  EXPECT_EQ(ReadAll("a,,\n\n\n,b,\n"), (Records{{"a", "", ""}, {"", "b", ""}}));
  EXPECT_EQ(ReadAll("\"\"\n"), (Records{{""}}));
}

TEST(CsvReader, SkipsLinesOfSpacesAndTabsButNotQuotedOrLeadingWhiteSpace) {
  // Issue 16: a line of spaces and tabs (LF, CRLF or CR, or last without a line end) is no
  // record; white space before a field's text, or inside quotes, is the field's.
  EXPECT_EQ(ReadAll("a,b\n   \n\t \t\r\n \r1,2\n \t"), (Records{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("a,b\n  x,y\n\" \",\"\t\"\n"), (Records{{"a", "b"}, {"  x", "y"}, {" ", "\t"}}));
  CsvReader reader("t.csv", "a,b\n \t \n\n\t\r\nx,yz\n");
  std::vector<CsvField> fields;
  ASSERT_TRUE(reader.Next(&fields));
  ASSERT_TRUE(reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 5);  // lines 2-4 skipped
  EXPECT_EQ(fields[1].line, 5);
  EXPECT_EQ(fields[1].column, 3);
}

TEST(CsvReader, ReportsWhereAnUnterminatedQuoteStarted) {
  EXPECT_EQ(ErrorOf("a,b\n1,\"open\nmore\nlines"),
            "t.csv:2:3: unterminated quoted field: expected a closing '\"' before the end of the file");
}

TEST(CsvReader, ReportsTextAfterClosingQuote) {
  EXPECT_EQ(ErrorOf("\"ab\"cd,e\n"), "t.csv:1:5: expected ',' or the end of the line after a closing quote, found 'cd'");
}

TEST(CsvReader, ReportsQuoteInsideUnquotedField) {
  EXPECT_EQ(ErrorOf("ab\"c\n"), "t.csv:1:3: unexpected '\"' inside an unquoted field: quote the whole field and double the quote");
}

TEST(CsvReader, CountsColumnsInCodePoints) {
  // "네이버," is 3 code points + comma: the bad field starts at column 5.
  EXPECT_EQ(ErrorOf("네이버,x\"\n"), "t.csv:1:6: unexpected '\"' inside an unquoted field: quote the whole field and double the quote");
}

TEST(CsvReader, RecordsFieldPositions) {
  CsvReader reader("t.csv", "a,\"b\nc\",d\nx,y,z\n");
  std::vector<CsvField> fields;
  ASSERT_TRUE(reader.Next(&fields));
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[2].line, 2);
  EXPECT_EQ(fields[2].column, 4);
  ASSERT_TRUE(reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 3);
  EXPECT_EQ(fields[1].column, 3);
  EXPECT_FALSE(reader.Next(&fields));
}

TEST(CsvReader, KeepsPositionsAcrossLineBreaksInsideQuotes) {
  // Quoted text is copied a run at a time; line and column must still follow every byte.
  CsvReader reader("t.csv", "\"a\rb\r\nc\"\"d\",네,x\r\"\"\"\",y\n");
  std::vector<CsvField> fields;
  ASSERT_TRUE(reader.Next(&fields));
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].value, "a\rb\r\nc\"d");
  EXPECT_EQ(fields[1].line, 3);
  EXPECT_EQ(fields[1].column, 7);
  EXPECT_EQ(fields[2].column, 9);
  ASSERT_TRUE(reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 4);
  EXPECT_EQ(fields[0].value, "\"");
  EXPECT_EQ(fields[1].column, 6);
}

TEST(CsvReader, ReportsTooLongFieldsWhereTheyStart) {
  std::string limit = "expected a field of at most " + std::to_string(CsvReader::kMaxFieldBytes) + " bytes, found a longer one";
  std::string longest(CsvReader::kMaxFieldBytes, 'x');
  EXPECT_EQ(ReadAll("a," + longest + "\n").at(0).at(1).size(), CsvReader::kMaxFieldBytes);
  EXPECT_EQ(ReadAll("a,\"" + longest + "\"\n").at(0).at(1).size(), CsvReader::kMaxFieldBytes);
  EXPECT_EQ(ErrorOf("a,\n" + longest + "x\"\n"), "t.csv:2:1: " + limit);  // before the stray quote
  EXPECT_EQ(ErrorOf("a,\"" + longest + "\"\"x\"\n"), "t.csv:1:3: " + limit);
  EXPECT_EQ(ErrorOf("a,\"" + longest + "x"), "t.csv:1:3: " + limit);  // before the missing quote
}

TEST(CheckTextEncoding, NamesUtf16AndLegacyKoreanEncodings) {
  try {
    CheckTextEncoding("u.csv", std::string("\xFF\xFEi\0d\0", 6));
    FAIL();
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "u.csv:1:1: expected UTF-8 text, found UTF-16LE (byte order mark); convert it first, e.g. iconv -f "
                 "UTF-16 -t UTF-8 FILE > FILE.utf8");
  }
  // "네이버" in CP949 is B3 D7 C0 CC B9 F6.
  try {
    CheckTextEncoding("k.csv", "id,name\nnaver,\xB3\xD7\xC0\xCC\xB9\xF6\n");
    FAIL();
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "k.csv:2:7: expected UTF-8 text, found invalid UTF-8 byte 0xB3 (unexpected continuation byte); the "
                 "file looks like CP949 (Korean) or GBK (Chinese): convert it first, e.g. iconv -f CP949 -t UTF-8 "
                 "FILE > FILE.utf8 (or -f GBK)");
  }
}

}  // namespace
}  // namespace relgraph::importers
