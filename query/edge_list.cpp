#include "query/edge_list.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#include "common/error.h"

namespace relgraph::query {
namespace {

// Bytes that end an unquoted field.
constexpr std::array<bool, 256> MakeStopTable() {
  std::array<bool, 256> table{};
  table[static_cast<unsigned char>(',')] = true;
  table[static_cast<unsigned char>('\n')] = true;
  table[static_cast<unsigned char>('\r')] = true;
  return table;
}
constexpr std::array<bool, 256> kStop = MakeStopTable();

// First byte at or after p that ends an unquoted field (or end): 16 bytes per step.
inline const char* FindStop(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), carriage = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, comma), _mm_cmpeq_epi8(chunk, newline)),
                               _mm_cmpeq_epi8(chunk, carriage));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + std::countr_zero(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && !kStop[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

enum class End { kField, kRecord };

class Parser {
 public:
  Parser(const std::string& path, std::string_view text)
      : path_(path), p_(text.data()), end_(text.data() + text.size()), line_start_(p_) {}

  EdgeListCsv Run() {
    EdgeListCsv result;
    // An upper bound of the record count (quoted line breaks only make it larger), so the
    // arrays are allocated once and hold no slack worth returning.
    size_t records = static_cast<size_t>(std::count(p_, end_, '\n')) + 1;
    result.edges.source.reserve(records);
    result.edges.target.reserve(records);
    result.edges.type.reserve(records);
    result.edges.weight.reserve(records);
    if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
    bool header = true;
    uint8_t last_type = 0;
    // Names are interned a batch of records at a time (NameTable::InternBatch prefetches);
    // a quoted name with doubled quotes lives in `unquoted` until its batch is interned.
    constexpr size_t kBatch = 64;
    std::vector<std::string> unquoted(2 * kBatch + 2);
    std::string_view names[2 * kBatch];
    uint32_t ids[2 * kBatch];
    size_t pending = 0;
    auto flush = [&] {
      result.names.InternBatch(names, pending, ids);
      for (size_t i = 0; i < pending; i += 2) {
        result.edges.source.push_back(ids[i]);
        result.edges.target.push_back(ids[i + 1]);
      }
      pending = 0;
    };
    while (p_ < end_) {
      if (*p_ == '\n' || (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n')) {  // empty line
        p_ += *p_ == '\r' ? 2 : 1;
        NewLine();
        continue;
      }
      record_line_ = line_;
      std::string_view fields[4];
      int count = 0;
      End end = End::kField;
      while (true) {
        std::string_view value;
        std::string& scratch = count < 2 ? unquoted[pending + static_cast<size_t>(count)] : unquoted[2 * kBatch + (count > 2)];
        end = ReadField(value, scratch);
        if (count < 4) fields[count] = value;
        ++count;
        if (end == End::kRecord) break;
      }
      if (header) {
        header = false;
        continue;
      }
      if (count < 4) {
        Fail(record_line_, 1, "expected 4 fields (source,target,relation,weight), found " + std::to_string(count));
      }
      result.edges.type.push_back(TypeCode(fields[2], result.type_names, last_type));
      result.edges.weight.push_back(Weight(fields[3]));
      names[pending] = fields[0];
      names[pending + 1] = fields[1];
      pending += 2;
      if (pending == 2 * kBatch) flush();
    }
    flush();
    result.names.ShrinkToFit();
    return result;
  }

 private:
  void NewLine() {
    ++line_;
    line_start_ = p_;
  }

  [[noreturn]] void Fail(int64_t line, int64_t column, const std::string& message) const {
    throw Error(ErrorKind::kInput, SourcePos{path_, line, column}, message);
  }

  // Column (code points, 1-based) of a byte on the current line.
  int64_t ColumnOf(const char* at) const {
    int64_t column = 1;
    for (const char* c = line_start_; c < at; ++c) column += (static_cast<unsigned char>(*c) & 0xC0) != 0x80;
    return column;
  }

  // Reads one field starting at p_ and moves past its terminator.
  End ReadField(std::string_view& value, std::string& unquoted) {
    if (p_ < end_ && *p_ == '"') {
      int64_t start_line = line_;
      int64_t start_column = ColumnOf(p_);
      const char* start = ++p_;
      bool doubled = false;
      const char* close;
      while (true) {
        const char* quote = static_cast<const char*>(std::memchr(p_, '"', static_cast<size_t>(end_ - p_)));
        if (quote == nullptr) Fail(start_line, start_column, "unterminated quoted field");
        for (const char* c = p_; c < quote; ++c) {
          if (*c == '\n') {
            ++line_;
            line_start_ = c + 1;
          }
        }
        if (quote + 1 < end_ && quote[1] == '"') {
          doubled = true;
          p_ = quote + 2;
          continue;
        }
        close = quote;
        p_ = quote + 1;
        break;
      }
      if (doubled) {
        unquoted.clear();
        for (const char* c = start; c < close; ++c) {
          unquoted.push_back(*c);
          if (*c == '"') ++c;  // the second quote of a doubled pair
        }
        value = unquoted;
      } else {
        value = std::string_view(start, static_cast<size_t>(close - start));
      }
      if (p_ < end_ && !kStop[static_cast<unsigned char>(*p_)]) {
        Fail(line_, ColumnOf(p_), "expected ',' or the end of the line after a closing quote, found '" + std::string(1, *p_) + "'");
      }
    } else {
      const char* start = p_;
      p_ = FindStop(p_, end_);
      value = std::string_view(start, static_cast<size_t>(p_ - start));
    }
    if (p_ == end_) return End::kRecord;
    char terminator = *p_++;
    if (terminator == ',') return End::kField;
    if (terminator == '\r' && p_ < end_ && *p_ == '\n') ++p_;
    NewLine();
    return End::kRecord;
  }

  uint8_t TypeCode(std::string_view name, std::vector<std::string>& type_names, uint8_t& last) {
    if (last < type_names.size() && type_names[last] == name) return last;
    for (size_t code = 0; code < type_names.size(); ++code) {
      if (type_names[code] == name) return last = static_cast<uint8_t>(code);
    }
    if (type_names.size() == 64) {
      Fail(record_line_, 1, "more than 64 distinct relation types; the 65th is '" + std::string(name.substr(0, 80)) + "'");
    }
    type_names.emplace_back(name);
    return last = static_cast<uint8_t>(type_names.size() - 1);
  }

  double Weight(std::string_view text) const {
    // Plain decimals with at most 15 digits (all generated and most real weights): digits / 10^k
    // divides two exactly representable doubles, so the one rounding gives the same double as
    // from_chars (Clinger's fast path). Anything else goes through from_chars.
    {
      uint64_t digits = 0;
      int count = 0, fraction = -1;
      bool simple = !text.empty() && text.size() <= 16;
      for (size_t i = 0; simple && i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
          digits = digits * 10 + static_cast<uint64_t>(c - '0');
          ++count;
          if (fraction >= 0) ++fraction;
        } else if (c == '.' && fraction < 0) {
          fraction = 0;
        } else {
          simple = false;
        }
      }
      if (simple && count > 0 && count <= 15 && digits > 0) {
        static constexpr double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        return static_cast<double>(digits) / kPowers[fraction < 0 ? 0 : fraction];
      }
    }
    double weight = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), weight);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(weight) || weight <= 0) {
      Fail(record_line_, 1, "expected a weight > 0 in field 4, found '" + std::string(text.substr(0, 80)) + "'");
    }
    return weight;
  }

  const std::string& path_;
  const char* p_;
  const char* end_;
  const char* line_start_;
  int64_t line_ = 1;
  int64_t record_line_ = 1;
};

}  // namespace

EdgeListCsv ParseEdgeListCsv(const std::string& path, std::string_view text) { return Parser(path, text).Run(); }

EdgeListCsv ReadEdgeListCsv(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorKind::kNotFound, "cannot open '" + path + "': " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    int saved = errno;
    ::close(fd);
    throw Error(ErrorKind::kInput, "cannot read '" + path + "': " + std::strerror(saved));
  }
  size_t size = static_cast<size_t>(info.st_size);
  if (size == 0) {
    ::close(fd);
    return ParseEdgeListCsv(path, std::string_view());
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) throw Error(ErrorKind::kInput, "cannot map '" + path + "': " + std::strerror(errno));
  ::madvise(map, size, MADV_SEQUENTIAL);
  struct Unmap {
    void* map;
    size_t size;
    ~Unmap() { ::munmap(map, size); }
  } unmap{map, size};
  return ParseEdgeListCsv(path, std::string_view(static_cast<const char*>(map), size));
}

EdgeListGraph LoadEdgeListGraph(const std::string& path) {
  EdgeListCsv parsed = ReadEdgeListCsv(path);
  EdgeListGraph graph;
  uint32_t node_count = parsed.names.size();
  graph.csr = Csr::Build(node_count, std::move(parsed.edges));
  graph.names = std::move(parsed.names);
  graph.type_names = std::move(parsed.type_names);
  return graph;
}

size_t EdgeListGraph::MemoryBytes() const { return names.MemoryBytes() + csr.MemoryBytes(); }

}  // namespace relgraph::query
