// relgraph serve: the HTML view and a read-only JSON API over the store, on 127.0.0.1 unless
// --host says otherwise. Every API body is written by the same function as the command line's
// --format json answer to the same question (cli/answers.h): one printer, two doors.
// cpp-httplib (Debian: libcpp-httplib-dev) is used here only.
#include <CLI/CLI.hpp>
#include <httplib.h>

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "cli/analysis.h"
#include "cli/answers.h"
#include "cli/output.h"
#include "common/error.h"
#include "common/text.h"
#include "export/export.h"
#include "importers/importers.h"
#include "store/store.h"

namespace relgraph::cli {
namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8750;
  int threads = 0;  // 0: at least 8 (cpp-httplib's default)
};

// A bad request: becomes 400 with {"error": message}.
Error BadParameter(const std::string& message) { return Error(ErrorKind::kUsage, message); }

// The query parameters of one request, read once each; unknown names are refused, so a typo
// ("relations=") is an error rather than an answer to another question.
class Params {
 public:
  Params(const httplib::Request& request, std::set<std::string> allowed) : request_(request) {
    allowed.insert({"snapshot", "as_of"});
    for (const auto& [name, value] : request.params) {
      if (!allowed.count(name)) throw BadParameter("unknown parameter " + QuoteForMessage(name) + " for " + request.path);
      if (request.get_param_value_count(name) > 1) throw BadParameter("parameter " + QuoteForMessage(name) + " given twice");
    }
  }
  bool Has(const std::string& name) const { return request_.has_param(name.c_str()); }
  std::string Text(const std::string& name, const std::string& fallback = "") const {
    return Has(name) ? request_.get_param_value(name.c_str()) : fallback;
  }
  std::string Required(const std::string& name) const {
    std::string value = Text(name);
    if (value.empty()) throw BadParameter("missing parameter " + QuoteForMessage(name));
    return value;
  }
  std::string OneOf(const std::string& name, const std::string& fallback, const std::set<std::string>& words) const {
    std::string value = Text(name, fallback);
    if (!words.count(value)) {
      std::string list;
      for (const std::string& word : words) list += (list.empty() ? "" : ", ") + word;
      throw BadParameter("parameter " + name + " expects one of " + list + ", found " + QuoteForMessage(value));
    }
    return value;
  }
  template <typename Int>
  Int Number(const std::string& name, Int fallback, Int minimum, Int maximum) const {
    if (!Has(name)) return fallback;
    std::string text = Text(name);
    Int value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < minimum || value > maximum) {
      throw BadParameter("parameter " + name + " expects a whole number from " + std::to_string(minimum) + " to " +
                         std::to_string(maximum) + ", found " + QuoteForMessage(text));
    }
    return value;
  }
  bool Flag(const std::string& name) const {
    std::string value = Text(name, "false");
    if (value == "true" || value == "1" || value.empty()) return true;
    if (value == "false" || value == "0") return false;
    throw BadParameter("parameter " + name + " expects true or false, found " + QuoteForMessage(value));
  }
  // "relation=a,b" and the CLI's comma-separated --relation are the same list.
  std::vector<std::string> List(const std::string& name) const {
    std::vector<std::string> items;
    std::string text = Text(name);
    size_t start = 0;
    while (!text.empty() && start <= text.size()) {
      size_t comma = text.find(',', start);
      if (comma == std::string::npos) comma = text.size();
      if (comma > start) items.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
    return items;
  }

 private:
  const httplib::Request& request_;
};

const std::set<std::string> kMeasures = {"degree", "in-degree", "out-degree", "betweenness", "closeness", "harmonic", "pagerank"};

// The most neighbours one request returns unless it asks for fewer: a neighbourhood of 100,000
// entities is cut, nearest first, with a note ("truncated") instead of being sent whole.
constexpr size_t kMaxNeighbors = 2000;

class Server {
 public:
  Server(const GlobalOptions& globals, const ServeOptions& options) : globals_(globals), options_(options) {}

  int Run() {
    // The page needs the vocabulary (relation types and their verbs) and proves the store opens.
    Schema schema = store::Store::Open(globals_.DbPath(), store::Store::Mode::kReadOnly, importers::DefaultSchema())->schema();
    exporter::HtmlOptions html;
    html.title = "relgraph — " + globals_.DbPath();
    html.served = true;
    std::ostringstream page;
    exporter::WriteHtml(Graph(schema), html, page);
    page_ = page.str();

    if (options_.threads > 0) {
      size_t threads = static_cast<size_t>(options_.threads);
      server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    }
    server_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                 {"Referrer-Policy", "no-referrer"},
                                 {"X-Frame-Options", "DENY"},
                                 {"Cache-Control", "no-store"}});
    server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
      return CheckRequest(request, response);
    });
    server_.Get("/", [this](const httplib::Request&, httplib::Response& response) {
      response.set_header("Content-Security-Policy", exporter::ContentSecurityPolicy(true) + "; frame-ancestors 'none'");
      response.set_content(page_, "text/html; charset=utf-8");
    });
    Route("/api/info", {}, [](const GlobalOptions& globals, const Params&, std::ostream& out) { RunInfo(globals, out); });
    Route("/api/search", {"q", "limit"}, [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
      SearchOptions options;
      options.text = params.Required("q");
      options.limit = params.Number<size_t>("limit", options.limit, 0, 1000000);
      RunSearch(globals, options, out);
    });
    Route("/api/entity", {"name"}, [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
      RunEntity(globals, {params.Required("name")}, out);
    });
    Route("/api/neighbors", {"name", "depth", "direction", "relation", "limit"},
          [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
            NeighborsOptions options;
            options.name = params.Required("name");
            options.depth = params.Number<int>("depth", 1, 1, 1000);
            options.direction = params.OneOf("direction", "both", {"out", "in", "both"});
            options.relations = params.List("relation");
            options.limit = params.Number<size_t>("limit", kMaxNeighbors, 1, kMaxNeighbors);
            RunNeighbors(globals, options, out);
          });
    Route("/api/path", {"from", "to", "k", "direction", "weighted", "relation", "max_hops"},
          [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
            PathOptions options;
            options.from = params.Required("from");
            options.to = params.Required("to");
            options.k = params.Number<int>("k", 1, 1, 100);
            options.direction = params.OneOf("direction", "both", {"out", "both"});
            options.weighted = params.Flag("weighted");
            options.relations = params.List("relation");
            options.max_hops = params.Number<int>("max_hops", 0, 0, 1000000);
            RunPath(globals, options, out);
          });
    Route("/api/common", {"a", "b", "relation", "direction"}, [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
      CommonOptions options;
      options.a = params.Required("a");
      options.b = params.Required("b");
      options.relations = params.List("relation");
      options.direction = params.OneOf("direction", "both", {"in", "out", "both"});
      RunCommon(globals, options, out);
    });
    Route("/api/centrality", {"measure", "top", "direction", "relation", "normalized", "sample", "seed"},
          [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
            CentralityOptions options;
            options.measure = params.OneOf("measure", "", kMeasures);
            options.top = params.Number<int>("top", -1, 0, 1000000);
            options.direction = params.OneOf("direction", "out", {"out", "both"});
            options.relations = params.List("relation");
            options.normalized = params.Flag("normalized");
            options.sample = params.Number<uint32_t>("sample", 0, 0, 1u << 30);
            options.seed = params.Number<uint64_t>("seed", 0, 0, UINT64_MAX);
            RunCentrality(globals, options, out);
          });
    Route("/api/communities", {"method", "resolution", "seed", "relation"},
          [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
            CommunitiesQuestion question;
            question.method = params.OneOf("method", "leiden", {"leiden", "louvain"});
            if (params.Has("resolution")) {
              std::string text = params.Text("resolution");
              char* end = nullptr;
              double value = std::strtod(text.c_str(), &end);
              if (text.empty() || end != text.c_str() + text.size() || !(value > 0 && value <= 1000)) {
                throw BadParameter("parameter resolution expects a number above 0 and at most 1000, found " + QuoteForMessage(text));
              }
              question.resolution = value;
            }
            question.seed = params.Number<uint64_t>("seed", 0, 0, UINT64_MAX);
            question.relations = params.List("relation");
            GraphReader reader(globals);
            PrintJson(out, CommunitiesJson(reader, question));
          });
    Route("/api/snapshots", {}, [](const GlobalOptions& globals, const Params&, std::ostream& out) { RunSnapshotList(globals, out); });
    Route("/api/diff", {"a", "b", "rank_changes", "top"}, [](const GlobalOptions& globals, const Params& params, std::ostream& out) {
      DiffOptions options;
      options.from = params.Required("a");
      options.to = params.Text("b");
      if (params.Has("rank_changes")) options.rank_changes = params.OneOf("rank_changes", "", kMeasures);
      options.top = params.Number<int>("top", 10, 0, 1000000);
      RunDiff(globals, options, out);
    });
    server_.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
      if (!response.body.empty()) return;
      if (response.status == 404) SendError(response, 404, "no such page: " + request.path);
      else SendError(response, response.status, "request failed (HTTP " + std::to_string(response.status) + ")");
    });
    server_.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
      SendError(response, 500, "internal error");
    });

    // SIGINT and SIGTERM are taken by one thread, which stops the server: the handlers run no
    // code in signal context, and every other thread (the pool too) has them blocked. They are
    // blocked before the URL is printed, so a signal sent as soon as it appears is not lost.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGUSR1);  // sent by ourselves to end the watcher when listening ends
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    int port = options_.port;
    if (port == 0) {
      port = server_.bind_to_any_port(options_.host);
      if (port < 0) throw Error(ErrorKind::kStorage, "cannot listen on " + options_.host + " (any port)");
    } else if (!server_.bind_to_port(options_.host, port)) {
      throw Error(ErrorKind::kStorage, "cannot listen on " + options_.host + ":" + std::to_string(port) +
                                           " (in use? try --port)");
    }
    std::atomic<bool> listening_ended{false};
    std::thread watcher([this, signals, &listening_ended] {
      int number = 0;
      sigwait(&signals, &number);
      if (number == SIGUSR1) return;
      std::cerr << "relgraph: stopping (" << (number == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
      // stop() only ends a loop that has started: wait for it (connections already queue).
      while (!server_.is_running() && !listening_ended) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      server_.stop();
    });
    std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
    std::cout << "relgraph: serving " << globals_.DbPath() << " at http://" << host << ":" << port
              << "/ (read-only; Ctrl-C stops)" << std::endl;
    bool clean = server_.listen_after_bind();
    listening_ended = true;
    pthread_kill(watcher.native_handle(), SIGUSR1);
    watcher.join();
    if (!clean && server_.is_running()) throw Error(ErrorKind::kStorage, "the server stopped on a socket error");
    return 0;
  }

 private:
  using Answer = std::function<void(const GlobalOptions&, const Params&, std::ostream&)>;

  static void SendError(httplib::Response& response, int status, const std::string& message) {
    response.status = status;
    Json body{{"error", message}};
    response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n", "application/json; charset=utf-8");
  }

  // Read-only, and from the browser only as a page of its own: other methods are refused, and
  // on a loopback address a Host header naming another site (DNS rebinding) is refused too.
  httplib::Server::HandlerResponse CheckRequest(const httplib::Request& request, httplib::Response& response) const {
    if (request.method != "GET" && request.method != "HEAD") {
      SendError(response, 405, "read-only: only GET requests");
      response.set_header("Allow", "GET, HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    bool loopback = options_.host == "127.0.0.1" || options_.host == "localhost" || options_.host == "::1";
    if (loopback && request.has_header("Host")) {
      std::string host = request.get_header_value("Host");
      if (!host.empty() && host[0] == '[') {
        host = host.substr(0, host.find(']') + 1);  // [::1]:8750
      } else {
        host = host.substr(0, host.find(':'));      // 127.0.0.1:8750
      }
      if (host != "127.0.0.1" && host != "localhost" && host != "[::1]") {
        SendError(response, 403, "this server answers only requests to " + options_.host);
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  void Route(const std::string& path, std::set<std::string> allowed, Answer answer) {
    server_.Get(path, [this, allowed, answer](const httplib::Request& request, httplib::Response& response) {
      try {
        Params params(request, allowed);
        // Each request reads the latest committed state of the store in its own read transaction.
        GlobalOptions globals = globals_;
        globals.format = "json";
        globals.quiet = true;
        globals.snapshot = params.Text("snapshot", globals_.snapshot);
        globals.as_of = params.Text("as_of", globals_.as_of);
        std::ostringstream out;
        answer(globals, params, out);
        response.set_content(out.str(), "application/json; charset=utf-8");
      } catch (const Error& error) {
        int status = error.kind() == ErrorKind::kNotFound ? 404
                     : error.kind() == ErrorKind::kUsage || error.kind() == ErrorKind::kInput ? 400
                                                                                               : 500;
        SendError(response, status, error.what());
      } catch (const std::exception& error) {
        SendError(response, 500, std::string("internal error: ") + error.what());
      }
    });
  }

  GlobalOptions globals_;
  ServeOptions options_;
  std::string page_;
  httplib::Server server_;
};

}  // namespace

void AddServeCommand(CLI::App& app, const GlobalOptions& globals, std::vector<Command>* commands) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "Explore the store in a browser: a local, read-only web app and JSON API");
  sub->add_option("--host", options->host, "Address to listen on (127.0.0.1: this machine only)")->capture_default_str();
  sub->add_option("--port", options->port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub->add_option("--threads", options->threads, "Requests answered at once (0: at least 8)")->check(CLI::Range(0, 256));
  sub->footer(
      "Open the printed URL in a browser. The JSON API answers what the commands print with\n"
      "--format json: /api/info, /api/search?q=, /api/entity?name=,\n"
      "/api/neighbors?name=&depth=&direction=&relation=&limit=, /api/path?from=&to=&k=&direction=&weighted=&relation=&max_hops=,\n"
      "/api/common?a=&b=&relation=&direction=, /api/centrality?measure=&top=&direction=&relation=&normalized=,\n"
      "/api/communities, /api/snapshots, /api/diff?a=&b=; snapshot= and as_of= on every read.\n"
      "Errors are {\"error\": ...} with 400 (bad parameter) or 404 (unknown entity or snapshot).\n"
      "Examples:\n  relgraph --db out/demo.db serve\n  relgraph --db big.db serve --port 9000\n"
      "  curl 'http://127.0.0.1:8750/api/path?from=Naver&to=BAAI&k=3'");
  commands->push_back({sub, [&globals, options] { return Server(globals, *options).Run(); }});
}

}  // namespace relgraph::cli
