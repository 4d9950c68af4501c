#include "cli.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "assets.h"
#include "clock.h"
#include "demo_data.h"
#include "http_server.h"
#include "report_service.h"
#include "store.h"

namespace aduan {
namespace {

constexpr const char* kUsage = R"(aduan — public-service complaint management

Usage:
  aduan serve   [--db FILE] [--host ADDR] [--port N] [--assets DIR] [--tz WIB|WITA|WIT]
                [--threads N]
  aduan demo    [--db FILE]     fill FILE with a demo district (agencies, categories,
                                holidays, sample reports)
  aduan migrate [--db FILE]     create FILE or bring its schema up to date
  aduan --help | --version

Options:
  --db FILE      the SQLite file (default aduan.db); created when missing
  --host ADDR    address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port N       port to listen on (default 8080; 0 picks a free port)
  --assets DIR   serve the web pages from DIR instead of the copy built into the binary
  --tz ZONE      the deployment's time zone for dates and deadlines: WIB (default), WITA,
                 WIT, or an offset like +08:00
  --threads N    HTTP worker threads (default 32; each keep-alive client holds one)
)";

const std::map<std::string, std::vector<std::string>> kCommandOptions = {
    {"serve", {"--db", "--host", "--port", "--assets", "--tz", "--threads"}},
    {"demo", {"--db", "--tz"}},
    {"migrate", {"--db"}},
};

std::string option(const CommandLine& cl, const std::string& name, const std::string& fallback) {
  const auto it = cl.options.find(name);
  return it == cl.options.end() ? fallback : it->second;
}

std::optional<int> parse_int(const std::string& s, int min, int max) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < min || v > max) return std::nullopt;
  return v;
}

int fail(const std::string& message) {
  std::cerr << "aduan: " << message << "\n";
  return 2;
}

// Blocks SIGINT and SIGTERM in every thread and stops the server from a thread that waits
// for them, where calling into the server is safe (a signal handler would not be).
std::thread stop_on_signal(HttpServer& server) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return std::thread([set, &server] {
    int sig = 0;
    sigwait(&set, &sig);
    std::cerr << R"({"level":"info","event":"stopping","signal":)" << sig << "}\n";
    server.stop();
  });
}

int serve(const CommandLine& cl) {
  const auto port = parse_int(option(cl, "--port", "8080"), 0, 65535);
  if (!port) return fail("--port must be a number from 0 to 65535");
  const auto threads = parse_int(option(cl, "--threads", "32"), 2, 1024);
  if (!threads) return fail("--threads must be a number from 2 to 1024");
  const auto tz = parse_time_zone(option(cl, "--tz", "WIB"));
  if (!tz) return fail("--tz must be WIB, WITA, WIT or an offset like +07:00");
  const std::string host = option(cl, "--host", "127.0.0.1");

  Store store(option(cl, "--db", "aduan.db"));
  SystemClock clock;
  ReportService reports(store, clock, ServiceSettings{*tz, {}}, system_random);
  AssetSource assets(option(cl, "--assets", ""));
  HttpOptions http;
  http.threads = *threads;
  HttpServer server(reports, store, assets, http);

  const int bound = server.bind(host, *port);
  if (bound < 0) return fail("cannot listen on " + host + ":" + std::to_string(*port));
  std::thread signals = stop_on_signal(server);
  const std::string shown_host = host == "0.0.0.0" ? "127.0.0.1" : host;
  std::cout << "aduan is serving http://" << shown_host << ":" << bound << "/" << std::endl;
  const bool ok = server.listen();
  if (signals.joinable()) {
    // The waiting thread ends only on a signal; wake it if the server stopped on its own.
    if (ok) pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
  }
  return ok ? 0 : 1;
}

int demo(const CommandLine& cl) {
  const auto tz = parse_time_zone(option(cl, "--tz", "WIB"));
  if (!tz) return fail("--tz must be WIB, WITA, WIT or an offset like +07:00");
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path);
  SystemClock clock;
  ReportService reports(store, clock, ServiceSettings{*tz, {}}, system_random);
  const DemoSummary s = load_demo_data(store, reports);
  std::cout << "demo district in " << path << ": " << s.agencies << " agencies, " << s.categories
            << " categories, " << s.holidays << " holidays\n";
  for (const std::string& id : s.tracking_ids) std::cout << "sample report: " << id << "\n";
  return 0;
}

int migrate(const CommandLine& cl) {
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path, 1);
  std::cout << path << " is at schema version " << store.schema_version() << "\n";
  return 0;
}

}  // namespace

std::optional<int> parse_time_zone(const std::string& tz) {
  if (tz == "WIB") return 7 * 60;
  if (tz == "WITA") return 8 * 60;
  if (tz == "WIT") return 9 * 60;
  // "+07:00" or "-03:30"
  if (tz.size() == 6 && (tz[0] == '+' || tz[0] == '-') && tz[3] == ':') {
    const auto h = parse_int(tz.substr(1, 2), 0, 14);
    const auto m = parse_int(tz.substr(4, 2), 0, 59);
    if (h && m) return (tz[0] == '-' ? -1 : 1) * (*h * 60 + *m);
  }
  return std::nullopt;
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CommandLine cl;
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    cl.command = "help";
    return cl;
  }
  if (args[0] == "--version") {
    cl.command = "version";
    return cl;
  }
  cl.command = args[0];
  const auto known = kCommandOptions.find(cl.command);
  if (known == kCommandOptions.end()) {
    cl.error = "unknown command '" + cl.command + "'";
    return cl;
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& name = args[i];
    if (name == "--help" || name == "-h") {
      cl.command = "help";
      return cl;
    }
    const auto& allowed = known->second;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      cl.error = "unknown option '" + name + "' for " + cl.command;
      return cl;
    }
    if (i + 1 >= args.size()) {
      cl.error = "option " + name + " needs a value";
      return cl;
    }
    cl.options[name] = args[++i];
  }
  return cl;
}

int run_command_line(int argc, char** argv) {
  const CommandLine cl = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  if (!cl.error.empty()) {
    std::cerr << "aduan: " << cl.error << "\n\n" << kUsage;
    return 2;
  }
  try {
    if (cl.command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (cl.command == "version") {
      std::cout << "aduan " << ADUAN_VERSION << "\n";
      return 0;
    }
    if (cl.command == "serve") return serve(cl);
    if (cl.command == "demo") return demo(cl);
    if (cl.command == "migrate") return migrate(cl);
  } catch (const SQLite::Exception& e) {
    std::cerr << "aduan: database error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace aduan
