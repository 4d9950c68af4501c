// Several aduan processes on one PostgreSQL database, as a deployment behind a load balancer
// runs them: the real binary, real HTTP on loopback, the cluster of
// tests/support/with_postgresql. A citizen's and a staff member's consecutive requests land
// on different servers; the deadline job and the outbox sender run on every server and do
// each piece of work once; PostgreSQL itself stops and comes back under load.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "store/prepared.h"
#include "support/test_database.h"
#include "support/test_paths.h"
#include "support/test_peers.h"

namespace aduan::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

struct Session {
  std::string cookie, csrf;
  httplib::Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

struct Answer {
  int status = 0;  // 0: no answer
  json body;
  httplib::Headers headers;
};

Answer answer(const httplib::Result& res) {
  Answer a;
  if (!res) return a;
  a.status = res->status;
  a.headers = res->headers;
  a.body = json::parse(res->body, nullptr, false);
  return a;
}

json report(const std::string& title) {
  return json{{"classification", "complaint"},
              {"title", title},
              {"body", "Lubang besar di tengah jalan, sudah dua minggu tidak diperbaiki."},
              {"incident_date", "2026-11-20"},
              {"location", {{"text", "Jl. A. Yani km 39, Martapura"}}},
              {"category", "jalan-jembatan"},
              {"reporter", {{"email", "siti@contoh.id"}}}};
}

// A PNG as small as the server takes: the signature, a header, one data chunk, the end.
std::string small_png() {
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16 & 0xFF), char(v >> 8 & 0xFF), char(v & 0xFF)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(uint32_t(data.size())) + type + data + "CRC!";
  };
  return "\x89PNG\r\n\x1A\n" +
         chunk("IHDR", be32(2) + be32(3) + std::string("\x08\x02\x00\x00\x00", 5)) +
         chunk("IDAT", std::string(300, 'p')) + chunk("IEND", "");
}

class Cluster : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_);
    database_ = std::make_unique<TestDatabase>(dir_);
    ASSERT_EQ(run("demo", dir_ / "demo.out"), 0);
    std::ifstream out(dir_ / "demo.out");
    for (std::string word; out >> word;) {
      if (word == "account:") {
        std::string name, label, password;
        out >> name >> label >> password;  // "account: koordinator password: X"
        passwords_[name] = password;
      }
    }
  }
  void TearDown() override {
    servers_.clear();
    database_.reset();
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  // `aduan COMMAND` on the test's database; its exit status.
  int run(const std::string& command, const std::filesystem::path& out) {
    const std::string line = std::string(ADUAN_BIN) + " " + command + " " +
                             database_->shell_args() + " > " + out.string() + " 2>&1";
    const int status = std::system(line.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // Starts `n` servers on the one database, each with `extra` options.
  void start(int n, const std::vector<std::string>& extra) {
    for (int i = 0; i < n; ++i) {
      std::vector<std::string> args{"--audit-key", database_->key_path().string()};
      args.insert(args.end(), extra.begin(), extra.end());
      servers_.push_back(std::make_unique<AduanProcess>(
          ADUAN_BIN, database_->location(), dir_ / ("serve-" + std::to_string(i) + ".out"), args));
    }
  }
  httplib::Client on(size_t server) const { return servers_.at(server)->client(); }

  Session login(size_t server, const std::string& username) {
    auto res = on(server).Post(
        "/api/v1/session", json{{"username", username}, {"password", passwords_[username]}}.dump(),
        "application/json");
    EXPECT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
    if (!res || res->status != 200) return {};
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')), json::parse(res->body)["csrf_token"]};
  }

  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("aduan-cluster-" + std::to_string(::getpid()));
  std::unique_ptr<TestDatabase> database_;
  std::map<std::string, std::string> passwords_;
  std::vector<std::unique_ptr<AduanProcess>> servers_;
};

TEST_F(Cluster, ConsecutiveRequestsMayLandOnAnyServer) {
  // What an inbox found is kept for ten minutes unless the store has a new event: the inboxes
  // below show the forward only because each server sees the other's event.
  start(3, {"--job-interval", "0", "--limit-submit", "0", "--limit-track", "0",
            "--monitoring-cache", "600000"});

  // An attachment uploaded in two chunks, each to another server, then the report that
  // carries it sent to a third, and sent again (its answer lost) to the first.
  const std::string png = small_png();
  const Answer started = answer(on(0).Post(
      "/api/v1/uploads", json{{"content_type", "image/png"}, {"size", png.size()}}.dump(),
      "application/json"));
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string upload = started.body["id"];
  const size_t half = png.size() / 2;
  const auto put = [&](size_t server, size_t offset, const std::string& bytes) {
    return answer(on(server).Put(("/api/v1/uploads/" + upload).c_str(),
                                 {{"Upload-Offset", std::to_string(offset)}}, bytes,
                                 "application/octet-stream"));
  };
  ASSERT_EQ(put(0, 0, png.substr(0, half)).status, 200);
  const Answer finished = put(1, half, png.substr(half));
  ASSERT_EQ(finished.status, 200) << finished.body;
  EXPECT_TRUE(finished.body["finished"].get<bool>());

  json body = report("Jalan berlubang di depan pasar Martapura");
  body["attachments"] = json::array({upload});
  const httplib::Headers key{{"Idempotency-Key", "cluster-7d2f0c1e9a4b"}};
  const Answer first = answer(on(2).Post("/api/v1/reports", key, body.dump(), "application/json"));
  ASSERT_EQ(first.status, 201) << first.body;
  const Answer again = answer(on(0).Post("/api/v1/reports", key, body.dump(), "application/json"));
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.body["tracking_id"], first.body["tracking_id"]) << "stored twice";
  const std::string tracking = first.body["tracking_id"];
  const std::string pin = first.body["pin"];

  // The reporter opens it with the PIN on another server and sees the attachment.
  const Answer own = answer(on(1).Post(("/api/v1/reports/" + tracking + "/access").c_str(),
                                       json{{"pin", pin}}.dump(), "application/json"));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.body["attachments"].size(), 1u);

  // Each inbox as a server holds it (asked again at once, each server answers from what it
  // found the first time unless the store has changed since).
  const Session staff = login(0, "koordinator");
  const Session agency = login(2, "admin.dpupr");
  const auto inbox_kind = [&](size_t server, const Session& who) -> std::string {
    for (int ask = 0; ask < 2; ++ask) {
      const Answer inbox = answer(on(server).Get("/api/v1/staff/inbox", who.headers()));
      EXPECT_EQ(inbox.status, 200) << inbox.body;
      if (ask == 0) continue;
      for (const json& item : inbox.body["items"]) {
        if (item["tracking_id"] == tracking) return item["kind"];
      }
    }
    return "";
  };
  EXPECT_EQ(inbox_kind(1, staff), "new_report");
  EXPECT_EQ(inbox_kind(0, agency), "");

  // The coordinator, logged in on one server, reads the report on a second and forwards it
  // on the third, with the session and CSRF token the first gave.
  const std::string path = "/api/v1/staff/reports/" + tracking;
  const Answer read = answer(on(1).Get(path.c_str(), staff.headers()));
  ASSERT_EQ(read.status, 200) << read.body;
  const json version = read.body["version"];
  const json forward{{"action", "forward"}, {"agency", "DPUPR"}, {"version", version}};
  const Answer forwarded = answer(
      on(2).Post((path + "/actions").c_str(), staff.headers(), forward.dump(), "application/json"));
  ASSERT_EQ(forwarded.status, 200) << forwarded.body;

  // The same action with the same version again, on the server that read it: another
  // server changed the report since, and this one knows.
  const Answer stale = answer(
      on(1).Post((path + "/actions").c_str(), staff.headers(), forward.dump(), "application/json"));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.body["error"]["code"], "stale_version");

  // The citizen's public view, on each server, shows the forward at once.
  for (size_t s = 0; s < servers_.size(); ++s) {
    const Answer view = answer(on(s).Get(("/api/v1/reports/" + tracking).c_str()));
    ASSERT_EQ(view.status, 200) << view.body;
    EXPECT_EQ(view.body["status"], "forwarded") << "server " << s;
  }

  // The inboxes that servers 0 and 1 held before: the forward, made on server 2, is in both.
  EXPECT_EQ(inbox_kind(1, staff), "");
  EXPECT_EQ(inbox_kind(0, agency), "forwarded");

  // The agency's admin, logged in on another server, finds it in the queue.
  const Answer queue = answer(on(0).Get("/api/v1/staff/reports", agency.headers()));
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_NE(queue.body.dump().find(tracking), std::string::npos);

  // Logging out on one server ends the session on all of them.
  const Answer out = answer(on(1).Delete("/api/v1/session", staff.headers()));
  EXPECT_TRUE(out.status == 200 || out.status == 204) << out.status << out.body;
  EXPECT_EQ(answer(on(2).Get(path.c_str(), staff.headers())).status, 401);
}

TEST_F(Cluster, WritesOnEveryServerAtOnceAllSucceed) {
  // Citizens submit on three servers at once while a coordinator forwards on each: every
  // write gets its 201 or 200, never a 500 or a busy store, and the chain stays one line.
  start(3, {"--job-interval", "0", "--limit-submit", "0", "--limit-track", "0"});
  const Session staff = login(0, "koordinator");
  std::mutex mutex;
  std::map<int, int> statuses;
  std::vector<std::string> created;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int who = 0; who < 12; ++who) {
    clients.emplace_back([&, who] {
      httplib::Client c = on(who % 3);
      for (int i = 0; !stop; ++i) {
        const auto title =
            "Drainase tersumbat nomor " + std::to_string(who) + "-" + std::to_string(i);
        // Public once verified: indexed for similar reports too, the busiest write there is.
        json body = report(title);
        body["confidential"] = false;
        const Answer a = answer(c.Post("/api/v1/reports", body.dump(), "application/json"));
        std::lock_guard lock(mutex);
        ++statuses[a.status];
        if (a.status == 201) created.push_back(a.body["tracking_id"]);
      }
    });
  }
  for (int s = 0; s < 3; ++s) {
    clients.emplace_back([&, s] {
      httplib::Client c = on(s);
      for (size_t next = s; !stop;) {
        std::string id;
        {
          std::lock_guard lock(mutex);
          if (next < created.size()) id = created[next];
        }
        if (id.empty()) {
          std::this_thread::sleep_for(5ms);
          continue;
        }
        next += 3;
        const std::string path = "/api/v1/staff/reports/" + id;
        const Answer read = answer(c.Get(path.c_str(), staff.headers()));
        const json forward{
            {"action", "forward"}, {"agency", "DPUPR"}, {"version", read.body["version"]}};
        const Answer a = answer(c.Post((path + "/actions").c_str(), staff.headers(), forward.dump(),
                                       "application/json"));
        std::lock_guard lock(mutex);
        ++statuses[a.status];
      }
    });
  }
  std::this_thread::sleep_for(4s);
  stop = true;
  for (std::thread& t : clients) t.join();
  EXPECT_GT(statuses[201], 100);
  EXPECT_GT(statuses[200], 10);
  for (const auto& [status, n] : statuses) {
    EXPECT_TRUE(status == 201 || status == 200) << n << " answers " << status;
  }
  EXPECT_EQ(run("audit verify", dir_ / "verify.out"), 0) << "the audit chain broke";
  std::cout << "submitted: " << statuses[201] << ", forwarded: " << statuses[200] << "\n";
}

TEST_F(Cluster, GuessesAreCountedAcrossServersLookupsByEach) {
  // Eight lookups and PIN checks a minute per address on each server (in memory); wrong PINs
  // are counted in the store, for every server at once.
  start(3, {"--job-interval", "0", "--limit-track", "8"});
  const Answer created = answer(
      on(0).Post("/api/v1/reports", report("Sampah menumpuk di pasar").dump(), "application/json"));
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string access =
      "/api/v1/reports/" + std::string(created.body["tracking_id"]) + "/access";
  const std::string wrong = json{{"pin", "00000000"}}.dump();
  // Five wrong PINs are free, wherever they land; the sixth waits, on any server.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(answer(on(i % 3).Post(access.c_str(), wrong, "application/json")).status, 403) << i;
  }
  const Answer held = answer(on(2).Post(access.c_str(), wrong, "application/json"));
  EXPECT_EQ(held.status, 429) << "server 2 did not count the wrong PINs the others saw";
  // Each server has counted two of the six requests against its own eight: server 0 takes six
  // more lookups and refuses the seventh, while server 1 still answers.
  const std::string lookup = "/api/v1/reports/" + std::string(created.body["tracking_id"]);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(answer(on(0).Get(lookup.c_str())).status, 200) << i;
  EXPECT_EQ(answer(on(0).Get(lookup.c_str())).status, 429);
  EXPECT_EQ(answer(on(1).Get(lookup.c_str())).status, 200);
}

TEST_F(Cluster, TheDeadlineJobAndTheOutboxDoEachThingOnce) {
  // Two years of history, much of it overdue: the job has closing, escalating and alerting
  // to do, and a digest for every agency with open reports.
  ASSERT_EQ(run("seed --reports 400 --years 2", dir_ / "seed.out"), 0);
  // `demo` ran the job once, without channels, and marked today's digest as done; the
  // servers below start on a fresh day for the digest.
  database_->open()->exec("DELETE FROM job_state WHERE key = 'digest_sent_on'");
  SmtpSink sink(dir_);
  const std::filesystem::path config = dir_ / "notify.json";
  std::ofstream(config) << json{{"public_url", "http://127.0.0.1"},
                                {"smtp",
                                 {{"url", "smtp://127.0.0.1:" + std::to_string(sink.port())},
                                  {"from", "aduan@pemda.example"},
                                  {"timeout_seconds", 5}}},
                                {"digest_hour", 0},
                                {"retry", {{"base_seconds", 1}, {"lease_seconds", 30}}}}
                               .dump();
  // Every server ticks every three seconds, out of step with the others.
  const auto first_start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    start(1, {"--job-interval", "3", "--notify-config", config.string()});
    std::this_thread::sleep_for(300ms);
  }
  std::unique_ptr<Db> store = database_->open();
  Db& db = *store;
  const auto pending = [&] {
    return query_int64(db, "SELECT count(*) FROM notifications WHERE status <> 'sent'");
  };
  // The job's work is done when a pass finds nothing more: give it several ticks of every
  // server, then let the outbox drain.
  std::this_thread::sleep_for(9s);
  for (int i = 0; i < 600 && pending() > 0; ++i) std::this_thread::sleep_for(100ms);
  servers_.clear();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - first_start).count();
  // One pass per interval between the three servers, not one each: every server logs each
  // pass it makes. (Whole seconds of the clock may let two passes fall within one interval.)
  int passes = 0;
  for (int i = 0; i < 3; ++i) {
    std::ifstream log(dir_ / ("serve-" + std::to_string(i) + ".out.err"));
    for (std::string line; std::getline(log, line);) {
      passes += line.find(R"("event":"deadline_job")") != std::string::npos;
    }
  }
  EXPECT_GE(passes, 2);
  EXPECT_LE(passes, int(seconds / 3 * 1.5) + 1) << "in " << seconds << " s";
  EXPECT_EQ(pending(), 0);

  // Each report was closed or escalated at most once, and the job did some of each.
  EXPECT_EQ(query_int64(db,
                        "SELECT count(*) FROM (SELECT report_id, action FROM report_events "
                        "WHERE action IN ('auto_close', 'escalate') GROUP BY 1, 2 "
                        "HAVING count(*) > 1) AS twice"),
            0);
  const int64_t closed = query_int64(
      db,
      "SELECT count(*) FROM report_events WHERE action = 'auto_close' AND actor_role = 'system'");
  EXPECT_GT(closed, 0) << "the job closed nothing: the test proves nothing";
  // One message per event, report and recipient; one digest per recipient.
  EXPECT_EQ(query_int64(db,
                        "SELECT count(*) FROM (SELECT event, report_id, recipient FROM "
                        "notifications WHERE report_id IS NOT NULL GROUP BY 1, 2, 3 "
                        "HAVING count(*) > 1) AS twice"),
            0);
  const int64_t alerts =
      query_int64(db, "SELECT count(*) FROM notifications WHERE event LIKE 'deadline_%'");
  EXPECT_GT(alerts, 0) << "no deadline alert: the test proves nothing";
  EXPECT_EQ(query_int64(db,
                        "SELECT count(*) FROM (SELECT recipient FROM notifications WHERE "
                        "event = 'digest' GROUP BY 1 HAVING count(*) > 1) AS twice"),
            0);
  const int64_t digests =
      query_int64(db, "SELECT count(*) FROM notifications WHERE event = 'digest'");
  EXPECT_GT(digests, 0) << "no digest: the test proves nothing";

  // Every email reached the receiver exactly once: no two senders had the same message.
  std::map<std::string, int> received;
  for (const json& m : sink.messages()) ++received[m["message_id"]];
  Prepared sent(db, "SELECT message_id FROM notifications WHERE channel = 'email'");
  int64_t emails = 0;
  while (sent.executeStep()) {
    ++emails;
    EXPECT_EQ(received[sent.getColumn(0).getString()], 1) << sent.getColumn(0).getString();
  }
  EXPECT_EQ(received.size(), size_t(emails));

  // Nothing is left for another pass to do.
  ASSERT_EQ(run("jobs run --notify-config " + config.string(), dir_ / "jobs.out"), 0);
  std::ifstream jobs(dir_ / "jobs.out");
  const std::string said((std::istreambuf_iterator<char>(jobs)), std::istreambuf_iterator<char>());
  EXPECT_NE(said.find("auto-closed 0, escalated 0, deadline alerts 0, digests 0"),
            std::string::npos)
      << said;
  std::cout << "passes: " << passes << " in " << seconds << " s, closed by the job: " << closed
            << ", deadline alerts: " << alerts << ", digests: " << digests << ", emails: " << emails
            << ", each received once\n";
}

// Stops the test's PostgreSQL (a fast shutdown: sessions are ended, what is committed is
// kept) or starts it again, with the cluster's own pg_ctl, as its owner.
int pg_ctl(const std::string& action) {
  const char* data = std::getenv("PGDATA");
  if (!data) return -1;
  std::string line = "/usr/lib/postgresql/15/bin/pg_ctl -D " + std::string(data) + " -w -t 60 ";
  line += action == "stop" ? "-m fast stop" : "-l " + std::string(data) + "/../restart.log start";
  if (::getuid() == 0) line = "runuser -u postgres -- " + line;
  return std::system((line + " > /dev/null").c_str());
}

TEST_F(Cluster, PostgresqlStoppedAndStartedUnderLoad) {
  start(2, {"--job-interval", "1", "--limit-submit", "0", "--limit-track", "0"});
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::map<int, int> statuses;  // every answer the clients got while the database came and went
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int who = 0; who < 4; ++who) {
    clients.emplace_back([&, who] {
      httplib::Client c = on(who % 2);
      for (int i = 0; !stop; ++i) {
        const auto title =
            "Lampu jalan mati nomor " + std::to_string(who) + "-" + std::to_string(i);
        const Answer a =
            answer(c.Post("/api/v1/reports", report(title).dump(), "application/json"));
        std::lock_guard lock(mutex);
        ++statuses[a.status];
        if (a.status == 201) acknowledged.push_back(a.body["tracking_id"]);
        if (a.status == 503) {
          EXPECT_EQ(a.body["error"]["code"], "storage_unavailable") << a.body;
        }
        if (a.status != 201) std::this_thread::sleep_for(50ms);
      }
    });
  }
  std::this_thread::sleep_for(1s);
  ASSERT_EQ(pg_ctl("stop"), 0);
  std::this_thread::sleep_for(2s);
  {
    std::lock_guard lock(mutex);
    statuses.clear();  // what the clients see while it is away
  }
  std::this_thread::sleep_for(1s);
  std::map<int, int> while_away;
  {
    std::lock_guard lock(mutex);
    while_away = statuses;
  }
  const Answer read_while_away =
      answer(on(0).Get(("/api/v1/reports/" + acknowledged.front()).c_str()));
  ASSERT_EQ(pg_ctl("start"), 0);
  // Service resumes by itself: each server takes a report again within seconds.
  for (size_t s = 0; s < 2; ++s) {
    Answer back;
    for (int i = 0; i < 100 && back.status != 201; ++i) {
      back = answer(on(s).Post("/api/v1/reports", report("Setelah database kembali").dump(),
                               "application/json"));
      if (back.status != 201) std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(back.status, 201) << "server " << s << " did not come back: " << back.body;
  }
  std::this_thread::sleep_for(1s);
  stop = true;
  for (std::thread& t : clients) t.join();

  EXPECT_EQ(while_away.size(), 1u) << "other answers than 503 while the database was away";
  EXPECT_GT(while_away[503], 0);
  EXPECT_EQ(read_while_away.status, 503);
  for (const auto& [status, n] : statuses) {
    EXPECT_TRUE(status == 201 || status == 503) << n << " answers " << status;
  }
  // Nothing acknowledged is lost, whichever server took it.
  for (const std::string& id : acknowledged) {
    EXPECT_EQ(answer(on(0).Get(("/api/v1/reports/" + id).c_str())).status, 200) << id;
  }
  EXPECT_EQ(run("audit verify", dir_ / "verify.out"), 0) << "the audit chain broke";
  std::cout << "reports acknowledged: " << acknowledged.size()
            << ", answers while away: " << while_away[503] << " × 503\n";
}

}  // namespace
}  // namespace aduan::testing
