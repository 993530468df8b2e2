#include "importers/csv_reader.h"

#include <algorithm>

#include "common/text.h"

namespace relgraph::importers {

CsvReader::CsvReader(std::string path, std::string_view text) : path_(std::move(path)), text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
}

namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Bytes that end an unquoted field, or (a quote) make it malformed.
bool EndsUnquotedField(char c) { return c == ',' || c == '\n' || c == '\r' || c == '"'; }

}  // namespace

void CsvReader::Advance() {
  char c = text_[pos_++];
  if (c == '\n' || (c == '\r' && Peek() != '\n')) {
    ++line_;
    column_ = 1;
  } else if (c != '\r' && !IsContinuationByte(c)) {
    ++column_;  // continuation bytes belong to the code point already counted
  }
}

void CsvReader::AdvanceTo(size_t end) {
  while (pos_ < end) Advance();
}

void CsvReader::AdvanceWithinLine(size_t end) {
  for (; pos_ < end; ++pos_) column_ += !IsContinuationByte(text_[pos_]);
}

void CsvReader::Fail(int64_t line, int64_t column, const std::string& message) const {
  throw Error(ErrorKind::kInput, Pos(line, column), message);
}

void CsvReader::FailTooLong(const CsvField& field) const {
  Fail(field.line, field.column, "expected a field of at most " + std::to_string(kMaxFieldBytes) + " bytes, found a longer one");
}

void CsvReader::ReadUnquoted(CsvField* field) {
  size_t end = pos_;
  while (end < text_.size() && !EndsUnquotedField(text_[end])) ++end;
  if (end - pos_ > kMaxFieldBytes) FailTooLong(*field);
  field->value.assign(text_.substr(pos_, end - pos_));
  AdvanceWithinLine(end);
  if (Peek() == '"') {
    Fail(line_, column_, "unexpected '\"' inside an unquoted field: quote the whole field and double the quote");
  }
}

void CsvReader::ReadQuoted(CsvField* field) {
  Advance();  // the opening quote
  while (true) {
    // Copy the run up to the next quote at once; it may hold line breaks.
    size_t end = std::min(text_.find('"', pos_), text_.size());
    if (end > pos_ && field->value.size() + (end - pos_) > kMaxFieldBytes) FailTooLong(*field);
    field->value.append(text_.substr(pos_, end - pos_));
    AdvanceTo(end);
    if (pos_ >= text_.size()) {
      Fail(field->line, field->column, "unterminated quoted field: expected a closing '\"' before the end of the file");
    }
    Advance();  // a quote: doubled, it stands for one; single, it closes the field
    if (Peek() != '"') break;
    field->value += '"';
    Advance();
  }
  char after = Peek();
  if (pos_ < text_.size() && after != ',' && after != '\n' && after != '\r') {
    size_t end = pos_;
    while (end < text_.size() && text_[end] != ',' && text_[end] != '\n' && text_[end] != '\r') ++end;
    Fail(line_, column_, "expected ',' or the end of the line after a closing quote, found " +
                             QuoteForMessage(text_.substr(pos_, end - pos_), 20));
  }
}

bool CsvReader::Next(std::vector<CsvField>* fields) {
  fields->clear();
  // Skip lines that are empty or hold only spaces and tabs: no record is written that way (a
  // file's records have at least the header's three columns), and spreadsheets leave them.
  while (true) {
    size_t end = pos_;
    while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
    if (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') break;
    AdvanceWithinLine(end);
    if (pos_ >= text_.size()) return false;
    Advance();  // the line break (CR LF: both, one at a time)
  }
  record_line_ = line_;
  while (true) {
    CsvField field;
    field.line = line_;
    field.column = column_;
    if (Peek() == '"') {
      ReadQuoted(&field);
    } else {
      ReadUnquoted(&field);
    }
    fields->push_back(std::move(field));
    if (Peek() == ',') {
      Advance();
      continue;
    }
    // End of record: a line break or the end of the text.
    if (Peek() == '\r') Advance();
    if (Peek() == '\n') Advance();
    return true;
  }
}

void UnguardFormula(std::string* value) {
  if (value->size() > 1 && (*value)[0] == '\'' && std::string_view("=+-@\t\r'").find((*value)[1]) != std::string_view::npos) {
    value->erase(0, 1);
  }
}

SourcePos PosOfOffset(const std::string& path, std::string_view text, size_t offset) {
  int64_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int64_t column = 1;
  for (size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {path, line, column};
}

namespace {

size_t CountAscii(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += static_cast<unsigned char>(c) < 0x80;
  return count;
}

// Names the legacy encoding a file that is not UTF-8 is most likely in, from whether it decodes
// as CP949 (Korean) and as GBK (Chinese). Many byte pairs are valid in both, so a file that
// decodes both ways gets both names. A few stray bad bytes are no evidence: at least three
// characters must decode.
std::string GuessLegacyEncoding(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, 1 << 16);
  while (sample.size() < bytes.size() && !sample.empty() && static_cast<unsigned char>(sample.back()) >= 0x80) {
    sample.remove_suffix(1);  // do not cut a double-byte pair in half
  }
  auto decodes = [&](const char* charset) {
    auto text = DecodeLegacy(sample, charset);
    return text && CountCodePoints(*text) - CountAscii(*text) >= 3;
  };
  bool korean = decodes("windows-949");
  bool chinese = decodes("GBK");
  if (korean && chinese) return "CP949 (Korean) or GBK (Chinese): convert it first, e.g. iconv -f CP949 -t UTF-8 FILE > FILE.utf8 (or -f GBK)";
  if (korean) return "CP949 (EUC-KR): convert it first, e.g. iconv -f CP949 -t UTF-8 FILE > FILE.utf8";
  if (chinese) return "GBK (GB2312): convert it first, e.g. iconv -f GBK -t UTF-8 FILE > FILE.utf8";
  return "";
}

}  // namespace

std::string_view CheckTextEncoding(const std::string& path, std::string_view bytes) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4)) || starts(std::string_view("\x00\x00\xFE\xFF", 4))) {
    throw Error(ErrorKind::kInput, SourcePos{path, 1, 1},
                "expected UTF-8 text, found UTF-32 (byte order mark); convert it first, e.g. "
                "iconv -f UTF-32 -t UTF-8 FILE > FILE.utf8");
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    throw Error(ErrorKind::kInput, SourcePos{path, 1, 1},
                std::string("expected UTF-8 text, found UTF-16") + (starts("\xFF\xFE") ? "LE" : "BE") +
                    " (byte order mark); convert it first, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8");
  }
  std::string_view text = bytes;
  if (starts("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto problem = CheckUtf8(text)) {
    SourcePos pos = PosOfOffset(path, text, problem->offset);
    if (problem->what == "NUL byte") {
      // Many NULs in a row of ASCII mean UTF-16 without a byte order mark.
      size_t nuls = 0;
      for (size_t i = 0; i < std::min<size_t>(text.size(), 4096); ++i) nuls += text[i] == '\0';
      if (nuls * 4 >= std::min<size_t>(text.size(), 4096)) {
        throw Error(ErrorKind::kInput, SourcePos{path, 1, 1},
                    "expected UTF-8 text, found what looks like UTF-16 without a byte order mark; "
                    "convert it first, e.g. iconv -f UTF-16LE -t UTF-8 FILE > FILE.utf8");
      }
      throw Error(ErrorKind::kInput, pos, "expected text, found a NUL byte");
    }
    std::string legacy = GuessLegacyEncoding(text);
    if (!legacy.empty()) {
      throw Error(ErrorKind::kInput, pos, "expected UTF-8 text, found " + problem->what + "; the file looks like " + legacy);
    }
    throw Error(ErrorKind::kInput, pos, "expected UTF-8 text, found " + problem->what);
  }
  return text;
}

}  // namespace relgraph::importers
