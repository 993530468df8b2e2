// RFC 4180 CSV reader used by the importers (private to importers/). It reads from memory,
// keeps the line and column where every field starts, and reports malformed quoting with the
// location where the field began.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace relgraph::importers {

struct CsvField {
  std::string value;  // unquoted, with doubled quotes made single; not yet normalised
  int64_t line = 0;   // where the field starts (1-based)
  int64_t column = 0; // in code points (1-based)
};

// Reads records from UTF-8 text. The caller checks encoding first (see CheckTextEncoding).
// Accepts: quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR line ends,
// an optional UTF-8 byte order mark, no newline at the end. Lines that are empty or hold only
// spaces and tabs (outside quotes) are skipped.
class CsvReader {
 public:
  static constexpr size_t kMaxFieldBytes = 1 << 20;

  CsvReader(std::string path, std::string_view text);

  // Reads the next record into *fields. Returns false at the end of the text. Throws
  // Error(kInput) with the location on an unterminated quote, text after a closing quote, a
  // quote inside an unquoted field or a field longer than kMaxFieldBytes.
  bool Next(std::vector<CsvField>* fields);

  // Line where the last record returned by Next() started.
  int64_t record_line() const { return record_line_; }

  SourcePos Pos(int64_t line, int64_t column) const { return {path_, line, column}; }

 private:
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void Advance();  // moves past one byte, keeping line and column
  void AdvanceTo(size_t end);  // Advance() up to byte offset `end`
  // The same for bytes that hold no line break: only the column moves.
  void AdvanceWithinLine(size_t end);
  // The fields start at pos_ (a quoted one at its opening quote); they stop before the ','
  // or line break that follows.
  void ReadUnquoted(CsvField* field);
  void ReadQuoted(CsvField* field);
  [[noreturn]] void Fail(int64_t line, int64_t column, const std::string& message) const;
  [[noreturn]] void FailTooLong(const CsvField& field) const;

  SourcePath path_;  // shared by every position this reader makes
  std::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t column_ = 1;
  int64_t record_line_ = 0;
};

// Checks that a file's bytes are UTF-8 text, naming what they are when they are not: UTF-16 or
// UTF-32 (by byte order mark), CP949/EUC-KR or GBK (by their byte patterns), or invalid UTF-8
// at a line and column. Returns the text without a UTF-8 byte order mark.
std::string_view CheckTextEncoding(const std::string& path, std::string_view bytes);

// Undoes the exporter's guard against spreadsheet formulas (export/export.h CsvField): one
// leading apostrophe before = + - @ tab CR or another apostrophe is removed.
void UnguardFormula(std::string* value);

// Line and column (code points, 1-based) of a byte offset in text.
SourcePos PosOfOffset(const std::string& path, std::string_view text, size_t offset);

}  // namespace relgraph::importers
