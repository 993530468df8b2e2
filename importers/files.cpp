// Reading input files and telling what they hold.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/text.h"
#include "importers/csv_reader.h"
#include "importers/importers.h"

namespace relgraph::importers {

FileKind ParseFileKind(std::string_view name) {
  if (name == "entities") return FileKind::kEntities;
  if (name == "relations") return FileKind::kRelations;
  if (name == "json") return FileKind::kJson;
  if (name == "article") return FileKind::kArticle;
  throw Error(ErrorKind::kUsage, "--as expects entities, relations, json or article, found " + QuoteForMessage(name));
}

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kEntities: return "entities";
    case FileKind::kRelations: return "relations";
    case FileKind::kJson: return "json";
    case FileKind::kArticle: return "article";
    case FileKind::kAuto: break;
  }
  return "auto";
}

SourceFile ReadSourceFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    throw Error(errno == ENOENT ? ErrorKind::kNotFound : ErrorKind::kInput,
                path + ": cannot read the file: " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) throw Error(ErrorKind::kInput, path + ": expected a file, found a directory");
  if (static_cast<size_t>(info.st_size) > kMaxFileBytes) {
    throw Error(ErrorKind::kInput, path + ": expected a file of at most " + std::to_string(kMaxFileBytes >> 20) +
                                       " MiB, found " + std::to_string(info.st_size >> 20) + " MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kInput, path + ": cannot open the file: " + std::strerror(errno));
  // Straight into a string of the file's size (a stream of a large file copied it twice over);
  // a file that grows meanwhile is read to its end.
  std::string content(static_cast<size_t>(info.st_size), '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) throw Error(ErrorKind::kInput, path + ": read error: " + std::strerror(errno));
  if (in.peek() != std::ifstream::traits_type::eof()) {
    std::ostringstream rest;
    rest << in.rdbuf();
    content += std::move(rest).str();
  }
  if (in.bad()) throw Error(ErrorKind::kInput, path + ": read error: " + std::strerror(errno));
  return {path, std::move(content)};
}

namespace {

std::string LowerExtension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string extension = path.substr(dot + 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

}  // namespace

FileKind DetectKind(const SourceFile& file) {
  std::string extension = LowerExtension(file.path);
  if (extension == "json") return FileKind::kJson;
  if (extension == "txt" || extension == "md" || extension == "html" || extension == "htm") return FileKind::kArticle;
  std::string_view text = CheckTextEncoding(file.path, file.bytes);
  std::string_view start = TrimSpace(text.substr(0, 64));
  if (start.starts_with("{")) return FileKind::kJson;
  // A CSV file: look at the header's column names.
  std::string header(text.substr(0, text.find_first_of("\r\n")));
  std::string names;
  for (char c : header) {
    if (c == '"' || c == ' ') continue;
    names += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto has = [&](const std::string& column) { return ("," + names + ",").find("," + column + ",") != std::string::npos; };
  if (has("source") && has("target") && has("relation")) return FileKind::kRelations;
  if (has("id") && has("name") && has("kind")) return FileKind::kEntities;
  throw Error(ErrorKind::kInput, SourcePos{file.path, 1, 1},
              "expected a CSV header with id,name,kind (entities) or source,target,relation (relations), a "
              ".json file, or an article (.txt, .md, .html), found " + QuoteForMessage(header) +
                  "; name the kind with --as entities|relations|json|article");
}

ImportBatch ParseFile(const SourceFile& file, FileKind kind, const Schema& schema) {
  if (kind == FileKind::kAuto) kind = DetectKind(file);
  switch (kind) {
    case FileKind::kEntities: return ParseEntitiesCsv(file, schema);
    case FileKind::kRelations: return ParseRelationsCsv(file, schema);
    case FileKind::kJson: return ParseJson(file, schema);
    case FileKind::kArticle: return ParseArticle(file, schema);
    case FileKind::kAuto: break;
  }
  throw Error(ErrorKind::kInternal, "unhandled file kind");
}

}  // namespace relgraph::importers
