// A load against a running aduan over loopback: for each kind of request, `clients` threads
// with kept-alive connections send requests for `seconds`, and the throughput and the 50th,
// 99th and 99.9th percentile latencies are printed as a Markdown table, each throughput also
// as a ratio to /livez of the same server (no work: what the HTTP stack can do here).
//
//   aduan_bench --url http://127.0.0.1:8080[,http://127.0.0.1:8081...] --db FILE|URL
//               [--clients 32] [--seconds 5] [--user NAME --password SECRET]
//               [--only track,similar,...] [--aduan-pids P,Q] [--postgres-pid P]
//
// With the servers' process IDs (and PostgreSQL's postmaster), each kind's CPU time per
// request is printed too, aduan's and PostgreSQL's apart: the figures docs/scaling.md uses.
// Several URLs: servers on one database, the clients spread over them in turn (the ratio is
// then to /livez of them all). On loopback each client connects from an address of its own
// (127.0.0.2, 127.0.0.3, ...), as clients of a deployment do: from one address they would
// share the one address's quarter of the workers (http/connection_gate.h), and the bench
// would measure that cap instead of the server.
// The store (a SQLite file or a PostgreSQL URL) is read to pick real tracking IDs and texts;
// the staff requests need an account of a role that sees every report (a coordinator or
// supervisor).
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/postgresql_db.h"
#include "store/prepared.h"
#include "store/sqlite_db.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
  std::vector<std::string> urls{"http://127.0.0.1:8080"};
  std::string db;
  int clients = 32;
  double seconds = 5;
  std::string user, password;
  std::string only;
  // Whose CPU time each kind of request costs: aduan's processes, and PostgreSQL's (its
  // postmaster and every process it started: the sessions, the WAL writer, ...).
  std::vector<int> aduan_pids;
  int postgres_pid = 0;
};

struct Sample {
  std::vector<std::string> ids;                            // display tracking IDs
  std::vector<std::pair<std::string, std::string>> texts;  // open reports' title and body
  std::vector<std::string> categories;
};

struct Session {
  std::string cookie, csrf;
};

// One request of a kind, on a thread's own client; true when it succeeded.
using Request = std::function<bool(httplib::Client&, std::mt19937_64&)>;

struct Result {
  std::string name;
  double per_second = 0;
  double p50 = 0, p99 = 0, p999 = 0;  // milliseconds
  int64_t errors = 0;
  int64_t count = 0;
  double aduan_cpu_ms = 0, postgres_cpu_ms = 0;  // CPU time per request
};

// CPU time (user and system, seconds) of the processes `pids` and, when `parent` is not 0,
// of `parent` and its children, from /proc/PID/stat (fields 4, 14 and 15).
double cpu_seconds(const std::vector<int>& pids, int parent) {
  double ticks = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    std::getline(in, stat);
    const size_t end = stat.rfind(')');
    if (end == std::string::npos) continue;
    std::istringstream fields(stat.substr(end + 2));
    std::vector<std::string> f;
    for (std::string x; fields >> x && f.size() < 13;) f.push_back(x);
    if (f.size() < 13) continue;
    const int pid = std::stoi(name), ppid = std::stoi(f[1]);
    const bool wanted = std::find(pids.begin(), pids.end(), pid) != pids.end() ||
                        (parent && (pid == parent || ppid == parent));
    if (wanted) ticks += std::stod(f[11]) + std::stod(f[12]);
  }
  return ticks / double(::sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const size_t i = std::min(sorted.size() - 1, static_cast<size_t>(q * double(sorted.size())));
  return sorted[i];
}

Result run(const Options& o, const std::string& name, const Request& request) {
  const double aduan_before = cpu_seconds(o.aduan_pids, 0);
  const double postgres_before = o.postgres_pid ? cpu_seconds({}, o.postgres_pid) : 0;
  std::vector<std::vector<double>> latencies(o.clients);
  std::atomic<int64_t> errors{0};
  const auto until = Clock::now() + std::chrono::duration<double>(o.seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < o.clients; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client(o.urls[t % o.urls.size()]);
      if (o.urls[t % o.urls.size()].starts_with("http://127.")) {
        client.set_interface("127.0.0." + std::to_string(2 + t % 250));
      }
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // else a POST waits on delayed ACKs (40 ms)
      client.set_read_timeout(30, 0);
      std::mt19937_64 rng(static_cast<uint64_t>(t) * 7919 + 17);
      while (Clock::now() < until) {
        const auto start = Clock::now();
        const bool ok = request(client, rng);
        latencies[t].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!ok) ++errors;
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  Result r;
  r.name = name;
  r.count = static_cast<int64_t>(all.size());
  r.per_second = double(all.size()) / o.seconds;
  r.p50 = percentile(all, 0.5);
  r.p99 = percentile(all, 0.99);
  r.p999 = percentile(all, 0.999);
  r.errors = errors;
  if (r.count > 0) {
    r.aduan_cpu_ms = (cpu_seconds(o.aduan_pids, 0) - aduan_before) * 1000 / double(r.count);
    if (o.postgres_pid) {
      r.postgres_cpu_ms =
          (cpu_seconds({}, o.postgres_pid) - postgres_before) * 1000 / double(r.count);
    }
  }
  return r;
}

Sample read_sample(const std::string& location) {
  std::unique_ptr<aduan::Db> store;
  if (aduan::is_postgresql_url(location)) {
    store = std::make_unique<aduan::PostgresqlDb>(location);
  } else {
    store = std::make_unique<aduan::SqliteDb>(location);
  }
  aduan::Db& db = *store;
  Sample s;
  // Random rows by id: cheap on a million reports, unlike ORDER BY random().
  const int64_t max_id = aduan::query_int64(db, "SELECT max(id) FROM reports");
  std::mt19937_64 rng(42);
  aduan::Prepared by_id(db,
                        "SELECT tracking_id, title, body, status, confidential FROM reports "
                        "WHERE id >= ? ORDER BY id LIMIT 1");
  for (int i = 0; i < 4000 && max_id > 0; ++i) {
    by_id.bind(1, static_cast<int64_t>(1 + rng() % static_cast<uint64_t>(max_id)));
    if (by_id.executeStep()) {
      const std::string id = by_id.getColumn(0).getString();
      s.ids.push_back(id.substr(0, 3) + "-" + id.substr(3, 3) + "-" + id.substr(6));
      const std::string status = by_id.getColumn(3).getString();
      if (status != "closed" && status != "archived" && by_id.getColumn(4).getInt() == 0) {
        s.texts.emplace_back(by_id.getColumn(1).getString(), by_id.getColumn(2).getString());
      }
    }
    by_id.reset();
  }
  aduan::Prepared cats(db, "SELECT code FROM categories WHERE active = 1");
  while (cats.executeStep()) s.categories.push_back(cats.getColumn(0).getString());
  return s;
}

Session login(const Options& o) {
  httplib::Client c(o.urls.front());
  auto res = c.Post("/api/v1/session", json{{"username", o.user}, {"password", o.password}}.dump(),
                    "application/json");
  if (!res || res->status != 200) {
    throw std::runtime_error("login failed: " + (res ? res->body : std::string("no answer")));
  }
  Session s;
  const std::string set = res->get_header_value("Set-Cookie");
  s.cookie = set.substr(0, set.find(';'));
  s.csrf = json::parse(res->body).value("csrf_token", "");
  return s;
}

bool ok(const httplib::Result& res) { return res && res->status >= 200 && res->status < 300; }

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--url") {
      o.urls.clear();
      std::istringstream list(value);
      for (std::string url; std::getline(list, url, ',');) o.urls.push_back(url);
    } else if (flag == "--db")
      o.db = value;
    else if (flag == "--clients")
      o.clients = std::stoi(value);
    else if (flag == "--seconds")
      o.seconds = std::stod(value);
    else if (flag == "--user")
      o.user = value;
    else if (flag == "--password")
      o.password = value;
    else if (flag == "--only")
      o.only = "," + value + ",";
    else if (flag == "--aduan-pids") {
      std::istringstream list(value);
      for (std::string pid; std::getline(list, pid, ',');) o.aduan_pids.push_back(std::stoi(pid));
    } else if (flag == "--postgres-pid")
      o.postgres_pid = std::stoi(value);
    else {
      std::cerr << "unknown option " << flag << "\n";
      return 2;
    }
  }
  if (o.db.empty()) {
    std::cerr << "usage: aduan_bench --url URL[,URL...] --db FILE|URL [--clients N] [--seconds S] "
                 "[--user NAME --password SECRET] [--only a,b] [--aduan-pids P,Q] "
                 "[--postgres-pid P]\n";
    return 2;
  }
  const Sample sample = read_sample(o.db);
  if (sample.ids.empty()) {
    std::cerr << "the store has no reports\n";
    return 1;
  }
  std::optional<Session> staff;
  if (!o.user.empty()) staff = login(o);
  auto pick = [](const auto& v, std::mt19937_64& rng) -> const auto& {
    return v[rng() % v.size()];
  };

  std::vector<std::pair<std::string, Request>> kinds;
  kinds.emplace_back("baseline: GET /livez",
                     [](httplib::Client& c, std::mt19937_64&) { return ok(c.Get("/livez")); });
  kinds.emplace_back("track: GET /api/v1/reports/{id}",
                     [&](httplib::Client& c, std::mt19937_64& rng) {
                       return ok(c.Get(("/api/v1/reports/" + pick(sample.ids, rng)).c_str()));
                     });
  kinds.emplace_back(
      "public list: GET /api/v1/public/reports", [&](httplib::Client& c, std::mt19937_64& rng) {
        return ok(c.Get(("/api/v1/public/reports?page=" + std::to_string(1 + rng() % 50)).c_str()));
      });
  kinds.emplace_back(
      "public statistics: GET /api/v1/public/stats",
      [&](httplib::Client& c, std::mt19937_64&) { return ok(c.Get("/api/v1/public/stats")); });
  if (!sample.texts.empty()) {
    kinds.emplace_back(
        "similar: POST /api/v1/reports/similar", [&](httplib::Client& c, std::mt19937_64& rng) {
          const auto& [title, body] = pick(sample.texts, rng);
          const json draft{
              {"title", title}, {"body", body}, {"category", pick(sample.categories, rng)}};
          return ok(c.Post("/api/v1/reports/similar", draft.dump(), "application/json"));
        });
  }
  kinds.emplace_back("submit: POST /api/v1/reports (durable 201)", [&](httplib::Client& c,
                                                                       std::mt19937_64& rng) {
    const auto& [title, body] =
        sample.texts.empty()
            ? std::pair<std::string,
                        std::string>{"Jalan berlubang di depan pasar",
                                     "Ada lubang besar di tengah jalan sejak dua minggu lalu."}
            : pick(sample.texts, rng);
    const json report{{"classification", "complaint"},
                      {"title", title.substr(0, 150)},
                      {"body", body.size() < 30 ? body + " Mohon segera ditangani petugas." : body},
                      {"incident_date", "2026-11-20"},
                      {"location", {{"text", "Jl. Merdeka"}}},
                      {"category", pick(sample.categories, rng)},
                      {"reporter", {{"phone", "081234567890"}}},
                      // Published once verified: indexed for similar reports, the costlier
                      // path (a report that leaves the field out is confidential).
                      {"confidential", false}};
    auto res = c.Post("/api/v1/reports", report.dump(), "application/json");
    if (!(res && res->status == 201)) {
      std::cerr << "submit: "
                << (res ? std::to_string(res->status) + " " + res->body
                        : "no answer: " + httplib::to_string(res.error()))
                << "\n";
    }
    return res && res->status == 201;
  });
  if (staff) {
    const httplib::Headers h{{"Cookie", staff->cookie}, {"X-CSRF-Token", staff->csrf}};
    kinds.emplace_back(
        "staff queue: GET /api/v1/staff/reports?status=…",
        [&, h](httplib::Client& c, std::mt19937_64& rng) {
          const char* statuses[] = {"submitted", "forwarded", "in_progress", "escalated"};
          return ok(c.Get(("/api/v1/staff/reports?status=" + std::string(statuses[rng() % 4]) +
                           "&page=" + std::to_string(1 + rng() % 10))
                              .c_str(),
                          h));
        });
    // The queue's search: one or two words of a real report's title, as staff type them.
    kinds.emplace_back("search: GET /api/v1/staff/reports?q=…",
                       [&, h](httplib::Client& c, std::mt19937_64& rng) {
                         const std::string& title = pick(sample.texts, rng).first;
                         std::vector<std::string> words;
                         std::istringstream in(title);
                         for (std::string w; in >> w;) {
                           if (w.size() >= 4) words.push_back(w);
                         }
                         std::string q = words.empty() ? "jalan" : pick(words, rng);
                         if (words.size() > 1 && rng() % 2) q += " " + pick(words, rng);
                         return ok(c.Get("/api/v1/staff/reports", httplib::Params{{"q", q}}, h));
                       });
    // The queue in another order than the deadline's.
    kinds.emplace_back("sorted: GET /api/v1/staff/reports?sort=…", [&, h](httplib::Client& c,
                                                                          std::mt19937_64& rng) {
      const char* sorts[] = {"oldest", "newest", "updated", "followers"};
      const char* statuses[] = {"submitted", "forwarded", "in_progress", ""};
      return ok(c.Get(("/api/v1/staff/reports?sort=" + std::string(sorts[rng() % 4]) +
                       "&status=" + statuses[rng() % 4] + "&page=" + std::to_string(1 + rng() % 10))
                          .c_str(),
                      h));
    });
    kinds.emplace_back(
        "staff report page: GET /api/v1/staff/reports/{id}",
        [&, h](httplib::Client& c, std::mt19937_64& rng) {
          return ok(c.Get(("/api/v1/staff/reports/" + pick(sample.ids, rng)).c_str(), h));
        });
    kinds.emplace_back("staff action: POST …/actions (comment)", [&, h](httplib::Client& c,
                                                                        std::mt19937_64& rng) {
      const std::string id = pick(sample.ids, rng);
      auto r = c.Get(("/api/v1/staff/reports/" + id).c_str(), h);
      if (!ok(r)) return false;
      const json report = json::parse(r->body);
      const std::string status = report.value("status", "");
      if (status == "closed" || status == "archived" || status == "escalated")
        return true;  // no comment there
      const json body{{"action", "comment"},
                      {"note", "Catatan pemeriksaan beban."},
                      {"version", report["version"]}};
      auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), h, body.dump(),
                        "application/json");
      return res && (res->status == 200 || res->status == 409);  // 409: another client was first
    });
    // What needs the bench user's attention, and the unread count every staff page asks for.
    kinds.emplace_back("inbox: GET /api/v1/staff/inbox",
                       [&, h](httplib::Client& c, std::mt19937_64&) {
                         return ok(c.Get("/api/v1/staff/inbox", h));
                       });
    kinds.emplace_back("dashboard: GET /api/v1/staff/dashboard",
                       [&, h](httplib::Client& c, std::mt19937_64&) {
                         return ok(c.Get("/api/v1/staff/dashboard", h));
                       });
  }

  std::vector<Result> results;
  for (const auto& [name, request] : kinds) {
    const std::string key = name.substr(0, name.find(':'));
    if (!o.only.empty() && key != "baseline" && o.only.find("," + key + ",") == std::string::npos)
      continue;
    results.push_back(run(o, name, request));
    std::cerr << name << ": " << results.back().count << " requests\n";
  }
  const double baseline = results.front().per_second;
  std::printf("%d clients, %.0f s each, %zu sampled reports\n\n", o.clients, o.seconds,
              sample.ids.size());
  const bool cpu = !o.aduan_pids.empty();
  std::printf(
      "| request | per second | p50 ms | p99 ms | p99.9 ms | errors | throughput / baseline |%s\n",
      cpu ? (o.postgres_pid ? " aduan CPU ms | PostgreSQL CPU ms |" : " aduan CPU ms |") : "");
  std::printf("|---|---|---|---|---|---|---|%s\n",
              cpu ? (o.postgres_pid ? "---|---|" : "---|") : "");
  for (const Result& r : results) {
    std::printf("| %s | %.0f | %.2f | %.2f | %.2f | %lld | %.3f |", r.name.c_str(), r.per_second,
                r.p50, r.p99, r.p999, static_cast<long long>(r.errors),
                baseline > 0 ? r.per_second / baseline : 0.0);
    if (cpu) std::printf(" %.3f |", r.aduan_cpu_ms);
    if (cpu && o.postgres_pid) std::printf(" %.3f |", r.postgres_cpu_ms);
    std::printf("\n");
  }
  return 0;
}
