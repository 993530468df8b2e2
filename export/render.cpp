// Rendering DOT to SVG or PNG with Graphviz's own library (libgvc + libcgraph) in this process,
// and writing output files atomically. The only file of relgraph that includes Graphviz headers.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common/error.h"
#include "export/export.h"

#ifdef RELGRAPH_HAVE_GRAPHVIZ
#include <gvc.h>
#endif

namespace relgraph::exporter {
namespace {

constexpr const char* kPackageHint =
    "install the Debian packages graphviz and libgraphviz-dev (apt-get install graphviz libgraphviz-dev)";

#ifdef RELGRAPH_HAVE_GRAPHVIZ

// Graphviz reports problems through a process-wide callback; while RenderDot runs, messages
// are collected here so an Error can quote them instead of Graphviz printing to our stderr.
std::string* collected_messages = nullptr;

int CollectMessage(char* message) {
  if (collected_messages != nullptr && message != nullptr) {
    std::string text(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (!text.empty()) *collected_messages += (collected_messages->empty() ? "" : "; ") + text;
  }
  return 0;
}

// Installs the collector for one RenderDot call and restores the previous handler after.
class MessageCapture {
 public:
  MessageCapture() : previous_(agseterrf(CollectMessage)) { collected_messages = &messages_; }
  ~MessageCapture() {
    agseterrf(previous_);
    collected_messages = nullptr;
  }
  std::string Details() const { return messages_.empty() ? "" : " (Graphviz: " + messages_ + ")"; }

 private:
  agusererrf previous_;
  std::string messages_;
};

// Owns the context, the graph and its layout, and frees them in the order Graphviz needs.
//
// Except after a dot layout: Graphviz 2.42/2.43 (Debian 12) double-frees in dot_cleanup for
// some graphs with clusters and edge labels (`cat g.dot g.dot | dot -Tsvg` aborts on them; the
// dot program survives one graph only because it never frees its last one). Valgrind finds the
// layout and rendering clean, so we do what the dot program does and leave that graph to the
// end of the process: a bounded leak per drawing instead of a crash.
class Session {
 public:
  Session() : context_(gvContext()) {}
  ~Session() {
    if (graph_ != nullptr && !(laid_out_ && keep_graph_)) {
      if (laid_out_) gvFreeLayout(context_, graph_);
      agclose(graph_);
    }
    if (context_ != nullptr) gvFreeContext(context_);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  GVC_t* context() const { return context_; }
  Agraph_t* graph() const { return graph_; }
  void set_graph(Agraph_t* graph) { graph_ = graph; }
  void set_laid_out(bool keep_graph) {
    laid_out_ = true;
    keep_graph_ = keep_graph;
  }

 private:
  GVC_t* context_;
  Agraph_t* graph_ = nullptr;
  bool laid_out_ = false;
  bool keep_graph_ = false;
};

// Names of the plugins of one kind ("layout", "device") that Graphviz can load. Empty when its
// plugin configuration (config6a, written by the libgvc6 package's install step) is missing.
std::vector<std::string> Plugins(GVC_t* context, const char* kind) {
  int count = 0;
  char** list = gvPluginList(context, kind, &count, nullptr);
  std::vector<std::string> names;
  if (list == nullptr) return names;
  for (int i = 0; i < count; ++i) {
    names.emplace_back(list[i]);
    std::free(list[i]);
  }
  std::free(list);
  return names;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

#endif  // RELGRAPH_HAVE_GRAPHVIZ

}  // namespace

const std::vector<std::string>& LayoutEngines() {
  static const std::vector<std::string> engines = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
  return engines;
}

std::string RenderDot(std::string_view dot, ImageFormat format, const std::string& layout) {
  const auto& engines = LayoutEngines();
  if (std::find(engines.begin(), engines.end(), layout) == engines.end()) {
    throw Error(ErrorKind::kUsage,
                "unknown layout " + layout + "; use one of " + "dot, neato, fdp, sfdp, circo, twopi");
  }
  const char* device = format == ImageFormat::kSvg ? "svg" : "png";
#ifndef RELGRAPH_HAVE_GRAPHVIZ
  (void)dot;
  (void)device;
  throw Error(ErrorKind::kInput, std::string("cannot render ") + (format == ImageFormat::kSvg ? "svg" : "png") +
                                     ": relgraph was built without Graphviz's library; " + kPackageHint +
                                     ", then rebuild (export dot works without it)");
#else
  MessageCapture capture;
  Session session;
  if (session.context() == nullptr) {
    throw Error(ErrorKind::kInput, "cannot start Graphviz" + capture.Details() + "; " + kPackageHint);
  }
  std::vector<std::string> layouts = Plugins(session.context(), "layout");
  if (layouts.empty()) {
    throw Error(ErrorKind::kInput,
                "Graphviz finds no layout plugins: its plugin configuration is missing; reinstall the Debian "
                "packages graphviz and libgraphviz-dev (apt-get install --reinstall graphviz libgraphviz-dev "
                "libgvc6), whose installation registers the plugins");
  }
  if (std::find(layouts.begin(), layouts.end(), layout) == layouts.end()) {
    throw Error(ErrorKind::kInput, "Graphviz has no " + layout + " layout engine here (it has " + JoinNames(layouts) +
                                       "); " + kPackageHint);
  }
  std::vector<std::string> devices = Plugins(session.context(), "device");
  if (std::find(devices.begin(), devices.end(), device) == devices.end()) {
    throw Error(ErrorKind::kInput, std::string("Graphviz cannot write ") + device +
                                       " here (its cairo/core renderer plugin is not loaded); " + kPackageHint);
  }

  std::string text(dot);  // agmemread needs a terminating NUL
  session.set_graph(agmemread(text.c_str()));
  if (session.graph() == nullptr) {
    throw Error(ErrorKind::kInput, "Graphviz cannot read the DOT text" + capture.Details());
  }
  // The DOT text may name its own engine (graph attribute "layout"), which then wins.
  const char* engine = agget(session.graph(), const_cast<char*>("layout"));
  bool dot_layout = engine != nullptr && *engine != '\0' ? std::string_view(engine) == "dot" : layout == "dot";
  if (gvLayout(session.context(), session.graph(), layout.c_str()) != 0) {
    throw Error(ErrorKind::kInput, "Graphviz " + layout + " layout failed" + capture.Details());
  }
  session.set_laid_out(/*keep_graph=*/dot_layout);
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(session.context(), session.graph(), device, &data, &length) != 0 || data == nullptr) {
    if (data != nullptr) gvFreeRenderData(data);
    throw Error(ErrorKind::kInput, std::string("Graphviz cannot render ") + device + capture.Details());
  }
  std::string image(data, length);
  gvFreeRenderData(data);
  return image;
#endif
}

void WriteFileAtomically(const std::string& path, std::string_view content) {
  // A name of our own next to the target: rename() is atomic only within one file system, and
  // O_EXCL keeps us from writing through a link someone placed there.
  std::string temp = path + ".tmp-" + std::to_string(getpid());
  auto fail = [&](const std::string& what) {
    int error = errno;
    ::unlink(temp.c_str());
    throw Error(ErrorKind::kStorage, path + ": " + what + ": " + std::strerror(error));
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0 && errno == EEXIST) {
    // Left by an earlier process with the same pid that was killed mid-write.
    ::unlink(temp.c_str());
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0666);
  }
  if (fd < 0) {
    int error = errno;
    throw Error(ErrorKind::kStorage, path + ": cannot write the file: " + std::strerror(error));
  }
  size_t written = 0;
  while (written < content.size()) {
    ssize_t count = ::write(fd, content.data() + written, content.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      ::close(fd);
      fail("write failed");
    }
    written += static_cast<size_t>(count);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("write failed");
  }
  if (::close(fd) != 0) fail("write failed");
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("cannot write the file");
}

}  // namespace relgraph::exporter
