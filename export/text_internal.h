// UTF-8 walking shared by the DOT and GraphML writers (export/ only). Graphs reaching a writer
// hold valid UTF-8 (importers check it), but a writer's output must stay well-formed for any
// bytes, so both decode code point by code point and replace what does not decode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relgraph::exporter::internal {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// The code point starting at text[*pos]; advances *pos past it. An invalid, overlong,
// surrogate or truncated sequence yields U+FFFD and advances by one byte, so decoding
// resynchronises at the next lead byte.
inline char32_t NextCodePoint(std::string_view text, size_t* pos) {
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  unsigned char lead = byte(*pos);
  if (lead < 0x80) {
    ++*pos;
    return lead;
  }
  size_t length = 0;
  char32_t value = 0, minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    ++*pos;
    return kReplacementCharacter;
  }
  if (*pos + length > text.size()) {
    ++*pos;
    return kReplacementCharacter;
  }
  for (size_t i = 1; i < length; ++i) {
    unsigned char next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) {
      ++*pos;
      return kReplacementCharacter;
    }
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    ++*pos;
    return kReplacementCharacter;
  }
  *pos += length;
  return value;
}

inline void AppendUtf8(std::string* out, char32_t value) {
  if (value < 0x80) {
    out->push_back(static_cast<char>(value));
  } else if (value < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (value >> 6)));
    out->push_back(static_cast<char>(0x80 | (value & 0x3F)));
  } else if (value < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (value >> 12)));
    out->push_back(static_cast<char>(0x80 | ((value >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (value & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (value >> 18)));
    out->push_back(static_cast<char>(0x80 | ((value >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((value >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (value & 0x3F)));
  }
}

// C0 controls, DEL and C1 controls: nothing a label should show.
inline bool IsControl(char32_t value) { return value < 0x20 || (value >= 0x7F && value <= 0x9F); }

}  // namespace relgraph::exporter::internal
