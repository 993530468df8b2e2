// The fuzz targets: each takes arbitrary bytes and must either succeed or throw relgraph::Error,
// never crash, hang or break its oracle (what we write must read back as what we read).
// Built two ways (see CMakeLists.txt): as libFuzzer executables under clang, and as replay
// programs that run the saved corpora and regressions in ctest with any compiler.
#pragma once

#include <cstddef>
#include <cstdint>

namespace relgraph::fuzz {

int CsvReader(const uint8_t* data, size_t size);
int EntitiesCsv(const uint8_t* data, size_t size);
int RelationsCsv(const uint8_t* data, size_t size);
int JsonImport(const uint8_t* data, size_t size);
int StoreOpen(const uint8_t* data, size_t size);
int DiagramWriters(const uint8_t* data, size_t size);
int Article(const uint8_t* data, size_t size);

}  // namespace relgraph::fuzz
