# Writes OUTPUT, a C++ file defining relgraph::data::NAME() that returns the bytes of INPUT.
# Run by CMake at build time, so editing a data file rebuilds the program.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "char(0x\\1)," bytes "${content}")
math(EXPR length "${hex_length} / 2")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT_NAME} by data/embed.cmake; do not edit.\n"
  "#include \"data/embedded.h\"\n"
  "namespace relgraph::data {\n"
  "namespace { constexpr char kBytes[] = {${bytes} char(0)}; }\n"
  "std::string_view ${NAME}() { return {kBytes, ${length}}; }\n"
  "}  // namespace relgraph::data\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
