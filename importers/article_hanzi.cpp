// Traditional Chinese read as Simplified (see FoldToSimplified in article_internal.h).
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <vector>

#include "importers/article_internal.h"

namespace relgraph::importers::article {

namespace {

// Simplified forms of BMP code points, filled as characters are first seen: 0 = not asked yet.
// ICU's Traditional-Simplified transform is asked one character at a time, so a mapping that
// would change the number of characters is never applied.
class HanziTable {
 public:
  char32_t Simplified(char32_t cp) {
    if (cp > 0xFFFF || !IsHan(cp)) return cp;
    char32_t& slot = table_[cp];
    if (slot == 0) slot = Ask(cp);
    return slot;
  }
  std::mutex& mutex() { return mutex_; }

 private:
  char32_t Ask(char32_t cp) {
    if (!transform_ && !failed_) {
      UErrorCode status = U_ZERO_ERROR;
      transform_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) transform_.reset(), failed_ = true;
    }
    if (!transform_) return cp;
    icu::UnicodeString text(static_cast<UChar32>(cp));
    transform_->transliterate(text);
    if (text.countChar32() != 1) return cp;
    char32_t simplified = static_cast<char32_t>(text.char32At(0));
    return simplified <= 0xFFFF && IsHan(simplified) ? simplified : cp;
  }
  std::vector<char32_t> table_ = std::vector<char32_t>(0x10000, 0);
  std::unique_ptr<icu::Transliterator> transform_;
  bool failed_ = false;
  std::mutex mutex_;
};

HanziTable& Table() {
  static HanziTable table;
  return table;
}

}  // namespace

std::string FoldToSimplified(std::string_view text) {
  std::string out(text);
  HanziTable& table = Table();
  std::lock_guard<std::mutex> lock(table.mutex());
  for (size_t i = 0; i < out.size();) {
    char32_t cp = 0;
    size_t length = DecodeAt(out, i, &cp);
    if (length == 3 && cp >= 0x3400) {
      char32_t simplified = table.Simplified(cp);
      if (simplified != cp) {  // both are three UTF-8 bytes (U+3400..U+FFFF)
        out[i] = static_cast<char>(0xE0 | (simplified >> 12));
        out[i + 1] = static_cast<char>(0x80 | ((simplified >> 6) & 0x3F));
        out[i + 2] = static_cast<char>(0x80 | (simplified & 0x3F));
      }
    }
    i += length;
  }
  return out;
}

}  // namespace relgraph::importers::article
