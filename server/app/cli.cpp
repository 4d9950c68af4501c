#include "app/cli.h"

#include <signal.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "app/app.h"
#include "app/demo_data.h"
#include "app/seed.h"
#include "base/crypto.h"
#include "base/secrets.h"
#include "base/storage_error.h"
#include "formats/holiday_csv.h"
#include "formats/map_settings.h"
#include "services/account_service.h"
#include "services/caller.h"
#include "services/holiday_service.h"
#include "shared/validation.h"
#include "store/audit_chain.h"
#include "store/backup.h"
#include "store/copy_store.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {
namespace {

// What `aduan help` prints: one literal, long because it is the whole text, kept as it reads.
constexpr const char* kUsage = R"(aduan — public-service complaint management

Usage:
  aduan serve   [--db FILE] [--audit-key FILE] [--host ADDR] [--port N] [--assets DIR]
                [--tz WIB|WITA|WIT]
                [--threads N] [--job-interval SECONDS] [--open311-poll SECONDS]
                [--monitoring-cache MS] [--secure-cookies 1] [--tls-cert FILE --tls-key FILE]
                [--limit-submit N] [--limit-track N]
                [--max-connections N] [--connections-per-address N]
                [--notify-config FILE]
                [--map-tiles URL-TEMPLATE|off] [--map-attribution TEXT]
  aduan demo    [--db FILE]     fill FILE with a demo district: agencies, categories,
                                holidays, one account per staff role (passwords printed
                                once) and sample reports
  aduan migrate [--db FILE]     create FILE or bring its schema up to date
  aduan user add     --username NAME --role ROLE [--agency CODE] [--name "Full Name"]
                     [--email ADDRESS] [--phone NUMBER] [--db FILE]
  aduan user passwd  --username NAME [--db FILE]
  aduan user disable --username NAME [--db FILE]
                                the password is read from standard input (asked twice on a
                                terminal); ROLE is coordinator, agency_admin, agency_officer,
                                supervisor or system_admin
  aduan holidays import (--file HOLIDAYS.csv | --national YEAR) [--db FILE]
                                add holidays from a CSV file (date,name,kind) or the
                                national holidays shipped with aduan (2026-2030); the
                                years imported count as confirmed
  aduan holidays confirm YEAR [--db FILE]
                                confirm YEAR's holidays as they are in the store (the
                                shipped years after 2026 are provisional until then)
  aduan holidays years [--db FILE]
                                each year's holidays and whether they are confirmed
  aduan jobs run [--db FILE] [--tz WIB|WITA|WIT] [--notify-config FILE]
                                auto-close and escalate what is due now, send deadline
                                alerts and digests, once: the deadline job of serve, queueing
                                the same notifications when given serve's --notify-config
  aduan seed --reports N [--years Y] [--db FILE]
                                add N generated reports (for benchmarks), spread over Y years
  aduan audit verify [--db FILE] [--audit-key FILE] [--expect HEAD]
                                recompute the store's keyed chain of events and compare each
                                report with the state its last event recorded; names the
                                first broken place and exits 1 when there is one (2: the
                                store or its key cannot be read). With --expect, the chain
                                must also pass through HEAD, a head printed earlier by:
  aduan audit head [--db FILE] [--audit-key FILE]
                                verify, then print the chain's head (EVENT:LINK) to keep
                                somewhere other than this machine
  Both open the store read-only and never create it or its key.
  aduan audit new-key [--db FILE] [--audit-key FILE]
                                only when the store's key is lost: a new key, every event
                                linked again with it, and every PIN made before cleared
                                (docs/operations.md, "The audit key"); stop aduan first
  aduan backup --to FILE [--db FILE]
                                a consistent copy of the store while aduan runs (SQLite's
                                online backup), checked, then renamed into place
  aduan restore --from FILE [--db FILE]
                                replace the store with a backup (stop aduan first)
  aduan copy-store --from SRC --to DST [--audit-key FILE]
                                copy a whole store into an empty one, ids kept, in one
                                transaction: a SQLite file into an empty PostgreSQL database,
                                PostgreSQL into a new SQLite file (stop aduan on SRC first).
                                --audit-key is SRC's key (default: beside a SQLite SRC); DST's
                                chain is verified with it, and a SQLite DST gets a copy of it
                                beside it (docs/operations.md, "Moving a store between SQLite
                                and PostgreSQL")
  aduan --help | --version

Options:
  --db FILE|URL  the SQLite file (default aduan.db), created when missing; or a PostgreSQL
                 database, postgresql://USER@HOST/NAME (docs/operations.md, "On PostgreSQL")
  --audit-key FILE         the store's secret key (default: the --db file's name with .key
                           added; required with a PostgreSQL --db), created at the store's
                           first start; back it up apart
                           from the database (docs/operations.md, "The audit key")
  --host ADDR    address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port N       port to listen on (default 8080; 0 picks a free port)
  --assets DIR   serve the web pages from DIR instead of the copy built into the binary
  --tz ZONE      the deployment's time zone for dates and deadlines: WIB (default), WITA,
                 WIT, or an offset like +08:00
  --threads N    HTTP worker threads (default 32); a connection holds one only while its
                 request is served, never while the client is slow or idle
  --job-interval SECONDS   how often the deadline job runs (default 60; 0: never, for
                           benchmarks that must not change the store they measure)
  --open311-poll SECONDS   how often the reports posted to agencies that work in another
                           system are read back from their Open311 endpoints (default 300;
                           0: never)
  --monitoring-cache MS    how old a dashboard or the public statistics may be when
                           served again, and how long an inbox keeps what it found when
                           the store has no new event (default 5000; 0 computes every
                           request)
  --secure-cookies 1       mark session cookies Secure (when a TLS proxy is in front)
  --tls-cert FILE --tls-key FILE
                           serve HTTPS with this certificate (PEM, chain included) and
                           private key; cookies are then Secure
  --limit-submit N         reports one client address may send an hour without a device key
                           (default 60; 0: no submission limit at all); more answer 429
                           with Retry-After
  --limit-submit-device N  reports one device key may send an hour (default 10)
  --limit-submit-address N reports one address may send an hour, device keys or not
                           (default 300); see docs/security.md, "Submission limits"
  --limit-device-keys N    device keys one address may be given an hour (default 60)
  --limit-submit-window SECONDS
                           the window the three submission limits count in (default 3600)
  --limit-track N          tracking lookups and PIN checks one address may make a minute
                           (default 300; 0: no limit)
  --max-connections N      client connections held at once (default 4096); more are closed
  --connections-per-address N
                           connections one client address may hold at once (default 256)
  --notify-config FILE     SMTP server, WhatsApp/SMS gateway, inbound secret, retry timing
                           and who hears of what, as JSON (see docs/notifications.md)
  --map-tiles URL-TEMPLATE the map's tile server, as a template with {z}, {x}, {y} (and
                           {s}. as the host's first label); default OpenStreetMap's
                           https://tile.openstreetmap.org/{z}/{x}/{y}.png; off: no map.
                           Its origin is the only one the pages may load images from
  --map-attribution TEXT   the credit the tiles' licence asks for (default
                           "© OpenStreetMap contributors")
)";

// Bin-packed by hand: past twenty flags clang-format would put one flag a line.
// clang-format off
const std::map<std::string, std::vector<std::string>> kCommandOptions = {
    {"serve",
     {"--db", "--audit-key", "--host", "--port", "--assets", "--tz", "--threads", "--job-interval",
      "--open311-poll",
      "--monitoring-cache", "--secure-cookies", "--notify-config", "--tls-cert", "--tls-key",
      "--limit-submit", "--limit-track", "--max-connections", "--connections-per-address",
      "--limit-submit-device", "--limit-submit-address", "--limit-device-keys",
      "--limit-submit-window", "--map-tiles", "--map-attribution"}},
    // clang-format on
    {"demo", {"--db", "--audit-key", "--tz"}},
    {"migrate", {"--db", "--audit-key"}},
    {"user add",
     {"--db", "--audit-key", "--username", "--role", "--agency", "--name", "--email", "--phone"}},
    {"user passwd", {"--db", "--audit-key", "--username"}},
    {"user disable", {"--db", "--audit-key", "--username"}},
    {"jobs run", {"--db", "--audit-key", "--tz", "--notify-config"}},
    {"holidays import", {"--db", "--audit-key", "--file", "--national"}},
    {"holidays confirm", {"--db", "--audit-key", "--year"}},
    {"holidays years", {"--db", "--audit-key"}},
    {"seed", {"--db", "--audit-key", "--reports", "--years"}},
    {"backup", {"--db", "--to"}},
    {"audit verify", {"--db", "--audit-key", "--expect"}},
    {"audit head", {"--db", "--audit-key"}},
    {"audit new-key", {"--db", "--audit-key"}},
    {"restore", {"--db", "--from"}},
    {"copy-store", {"--from", "--to", "--audit-key"}},
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

// The audit key's file: --audit-key, else beside the database. A PostgreSQL database has no
// folder of ours beside it, and every server on it needs the same key: it must be named.
std::string key_path(const CommandLine& cl, const std::string& db_path) {
  const std::string named = option(cl, "--audit-key", "");
  if (!named.empty()) return named;
  if (is_postgresql_location(db_path)) {
    throw std::runtime_error(
        "--audit-key FILE is required with a PostgreSQL --db: the same "
        "key on every server (docs/operations.md, \"The audit key\")");
  }
  return default_audit_key_path(db_path);
}

// The options every command that opens the store shares. The notification settings are
// read here too, so that `serve` and `jobs run` (the two commands that take
// --notify-config) build the deadline job and its notifier from one configuration: the
// same run queues the same messages in both.
std::optional<AppOptions> app_options(const CommandLine& cl, std::string* error) {
  AppOptions o;
  o.db_path = option(cl, "--db", "aduan.db");
  o.audit_key_path = key_path(cl, o.db_path);
  const auto tz = parse_time_zone(option(cl, "--tz", "WIB"));
  if (!tz) {
    *error = "--tz must be WIB, WITA, WIT or an offset like +07:00";
    return std::nullopt;
  }
  o.settings.utc_offset_minutes = *tz;
  const std::string notify_file = option(cl, "--notify-config", "");
  if (!notify_file.empty()) {
    auto notify = load_notify_config(notify_file, error);
    if (!notify) return std::nullopt;
    o.notify = *notify;
  }
  return o;
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

// Long because `serve` has many options: each is read, checked and handed to App here, in
// one place, in the order of the usage text.
int serve(const CommandLine& cl) {
  std::string error;
  auto options = app_options(cl, &error);
  if (!options) return fail(error);
  const auto port = parse_int(option(cl, "--port", "8080"), 0, 65535);
  if (!port) return fail("--port must be a number from 0 to 65535");
  const auto threads = parse_int(option(cl, "--threads", "32"), 2, 1024);
  if (!threads) return fail("--threads must be a number from 2 to 1024");
  const auto interval = parse_int(option(cl, "--job-interval", "60"), 0, 86400);
  if (!interval) return fail("--job-interval must be a number of seconds from 0 to 86400");
  const auto poll = parse_int(option(cl, "--open311-poll", "300"), 0, 86400);
  if (!poll) return fail("--open311-poll must be a number of seconds from 0 to 86400");
  const auto cache = parse_int(option(cl, "--monitoring-cache", "5000"), 0, 600000);
  if (!cache) return fail("--monitoring-cache must be milliseconds from 0 to 600000");
  options->settings.monitoring_cache_ms = *cache;
  const std::string host = option(cl, "--host", "127.0.0.1");
  options->http.threads = *threads;
  options->http.secure_cookies = option(cl, "--secure-cookies", "0") == "1";
  options->http.tls_cert = option(cl, "--tls-cert", "");
  options->http.tls_key = option(cl, "--tls-key", "");
  const auto submit_limit = parse_int(option(cl, "--limit-submit", "60"), 0, 1000000);
  if (!submit_limit) return fail("--limit-submit must be a number from 0 to 1000000");
  const auto window = parse_int(option(cl, "--limit-submit-window", "3600"), 1, 86400);
  if (!window) return fail("--limit-submit-window must be seconds from 1 to 86400");
  options->submit_limit = AddressLimit{*submit_limit, *window};
  const auto per_device = parse_int(option(cl, "--limit-submit-device", "10"), 1, 1000000);
  if (!per_device) return fail("--limit-submit-device must be a number from 1 to 1000000");
  const auto ceiling = parse_int(option(cl, "--limit-submit-address", "300"), 1, 1000000);
  if (!ceiling) return fail("--limit-submit-address must be a number from 1 to 1000000");
  const auto new_keys = parse_int(option(cl, "--limit-device-keys", "60"), 1, 1000000);
  if (!new_keys) return fail("--limit-device-keys must be a number from 1 to 1000000");
  // The ceiling is never below what an address may send without keys.
  options->device_rules = DeviceRules{
      {*per_device, *window}, {std::max(*ceiling, *submit_limit), *window}, {*new_keys, 3600}};
  const auto track_limit = parse_int(option(cl, "--limit-track", "300"), 0, 1000000);
  if (!track_limit) return fail("--limit-track must be a number from 0 to 1000000");
  options->track_limit = AddressLimit{*track_limit, 60};
  const auto max_connections = parse_int(option(cl, "--max-connections", "4096"), 16, 1000000);
  if (!max_connections) return fail("--max-connections must be a number from 16 to 1000000");
  options->http.max_connections = static_cast<size_t>(*max_connections);
  const auto per_address = parse_int(option(cl, "--connections-per-address", "256"), 1, 1000000);
  if (!per_address) return fail("--connections-per-address must be a number from 1 to 1000000");
  options->http.max_connections_per_address = static_cast<size_t>(*per_address);
  options->assets_dir = option(cl, "--assets", "");
  const std::string tiles = option(cl, "--map-tiles", options->http.map.tile_template);
  options->http.map.tile_template = tiles == "off" ? "" : tiles;
  options->http.map.attribution = option(cl, "--map-attribution", options->http.map.attribution);
  if (options->http.map.enabled() && !tile_origin(tiles)) {
    return fail(
        "--map-tiles must be off or an http(s) URL template with {z}, {x} and {y}, "
        "like https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  }

  SystemClock clock;
  App app(*options, clock);
  const int bound = app.http().bind(host, *port);
  if (bound < 0) return fail("cannot listen on " + host + ":" + std::to_string(*port));
  std::thread signals = stop_on_signal(app.http());
  if (*interval > 0) app.job().start(*interval);  // 0: no deadline job (benchmarks)
  app.sender().start();
  app.poller().start(*poll);
  const std::string shown_host = host == "0.0.0.0" ? "127.0.0.1" : host;
  const char* scheme = options->http.tls_cert.empty() ? "http" : "https";
  std::cout << "aduan is serving " << scheme << "://" << shown_host << ":" << bound << "/"
            << std::endl;
  const bool ok = app.http().listen();
  app.job().stop();
  app.sender().stop();
  app.poller().stop();
  if (signals.joinable()) {
    // The waiting thread ends only on a signal; wake it if the server stopped on its own.
    if (ok) pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
  }
  return ok ? 0 : 1;
}

int demo(const CommandLine& cl) {
  std::string error;
  const auto options = app_options(cl, &error);
  if (!options) return fail(error);
  const int64_t now = SystemClock().now_unix();
  ManualClock clock(now);
  App app(*options, clock);
  const DemoSummary s = load_demo_data(app, clock, now);
  std::cout << "demo district in " << options->db_path << ": " << s.agencies << " agencies, "
            << s.categories << " categories, " << s.holidays << " holidays\n";
  for (size_t i = 0; i < s.tracking_ids.size(); ++i) {
    std::cout << "sample report: " << s.tracking_ids[i] << " pin: " << s.pins[i] << "\n";
  }
  if (!s.accounts.empty()) {
    std::cout << "staff accounts (passwords are shown only now):\n";
    for (const auto& [username, password] : s.accounts) {
      std::cout << "account: " << username << " password: " << password << "\n";
    }
  }
  return 0;
}

int migrate(const CommandLine& cl) {
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path, 1, key_path(cl, path));
  std::cout << path << " is at schema version " << store.schema_version() << "\n";
  return 0;
}

// Reads a password: asked twice without echo on a terminal, else the first line of stdin.
std::optional<std::string> read_password(std::string* error) {
  auto read_line = [](bool echo_off) {
    termios old{};
    if (echo_off) {
      tcgetattr(STDIN_FILENO, &old);
      termios quiet = old;
      quiet.c_lflag &= ~tcflag_t(ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (echo_off) {
      tcsetattr(STDIN_FILENO, TCSANOW, &old);
      std::cerr << "\n";
    }
    return line;
  };
  std::string password;
  if (isatty(STDIN_FILENO)) {
    std::cerr << "Password: ";
    password = read_line(true);
    std::cerr << "Again: ";
    if (read_line(true) != password) {
      *error = "the passwords differ";
      return std::nullopt;
    }
  } else {
    password = read_line(false);
  }
  return password;  // checked by the account service (validate_password)
}

// The service's field problems as one line for the terminal: "role: unknown_role; ...".
std::string problems(const std::vector<FieldError>& fields) {
  std::string out;
  for (const FieldError& f : fields) {
    out += (out.empty() ? "" : "; ") + f.field + ": " + std::string(to_string(f.code));
  }
  return out;
}

std::string admin_problem(const AccountOutcome& out) {
  switch (out.error) {
    case AdminError::kInvalid:
      return problems(out.fields);
    case AdminError::kLastAdmin:
      return "the last active system admin stays; add another one first";
    case AdminError::kNotFound:
      return "no such user";
    default:
      return "refused";
  }
}

// The three account commands (user add, user passwd, user disable) are the panel's own use
// cases (services/account_service.h) taken by the operator at the server: the same rules,
// the same admin log, with a password typed here instead of a link.
int user_command(const CommandLine& cl) {
  const std::string username = option(cl, "--username", "");
  if (username.empty()) return fail("--username is required");
  if (!crypto_init()) return fail("libsodium cannot start");
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path, 1, key_path(cl, path));
  SystemClock clock;
  AccountService accounts(store, clock);
  const Caller console = Caller::console();
  const auto id = accounts.account_id(username);

  if (cl.command == "user disable") {
    if (!id) return fail("no user '" + username + "'");
    const AccountOutcome out = accounts.set_disabled(console, *id, true);
    if (out.error != AdminError::kNone) return fail(admin_problem(out));
    std::cout << "disabled " << username << " and ended their sessions\n";
    return 0;
  }
  if (cl.command == "user add" && id) {
    return fail("user '" + username + "' exists; use 'aduan user passwd'");
  }
  if (cl.command != "user add" && !id) return fail("no user '" + username + "'");
  std::string error;
  const auto password = read_password(&error);
  if (!password) return fail(error);
  AccountOutcome out;
  if (cl.command == "user add") {
    const AccountInput in{username,
                          option(cl, "--name", username),
                          option(cl, "--role", ""),
                          option(cl, "--agency", ""),
                          option(cl, "--email", ""),
                          normalize_phone(option(cl, "--phone", ""))};
    out = accounts.create(console, in, Credential::kChosenPassword, *password);
  } else {
    // A new password ends the sessions the old one opened.
    out = accounts.reset(console, *id, Credential::kChosenPassword, *password);
  }
  if (out.error != AdminError::kNone) return fail(admin_problem(out));
  std::cout << (cl.command == "user add" ? "added " : "changed the password of ")
            << out.account->user.username << "\n";
  return 0;
}

int jobs_run(const CommandLine& cl) {
  std::string error;
  const auto options = app_options(cl, &error);
  if (!options) return fail(error);
  if (!cl.options.count("--notify-config")) {
    // Not an error (a store without channels queues nothing in serve either), but the
    // likely mistake when serve has a configuration: say so.
    std::cerr << "aduan: no --notify-config: this run queues no notifications; give the file "
                 "aduan serve uses\n";
  }
  SystemClock clock;
  App app(*options, clock);  // the job and its notifier, as serve builds them
  const JobRun run = app.job().run_once();
  if (!run.ran) {
    std::cout << "another server on this database is making the deadline job's pass now; "
                 "nothing done\n";
    return 0;
  }
  std::cout << "auto-closed " << run.auto_closed << ", escalated " << run.escalated
            << ", deadline alerts " << run.deadline_alerts << ", digests " << run.digests << "\n";
  return 0;
}

int seed(const CommandLine& cl) {
  const auto reports = parse_int(option(cl, "--reports", ""), 1, 100000000);
  if (!reports) return fail("--reports must be a number from 1 to 100000000");
  const auto years = parse_int(option(cl, "--years", "3"), 1, 20);
  if (!years) return fail("--years must be a number from 1 to 20");
  std::string error;
  const auto options = app_options(cl, &error);
  if (!options) return fail(error);
  SystemClock clock;
  App app(*options, clock);
  const SeedSummary s = seed_reports(app, *reports, *years, clock.now_unix(), 20261123);
  std::cout << "seeded " << s.reports << " reports, " << s.events << " events, " << s.stage_records
            << " stage records in " << s.seconds << " s (rows " << s.seconds_rows << " s, indexes "
            << s.seconds_indexes << " s, counters " << s.seconds_counters << " s)\n";
  return 0;
}

// The first schema with the keyed chain (migration 0018).
constexpr int kKeyedChainSchema = 18;

// Whether there is a store at `path` to inspect, without creating one: a SQLite file that
// exists. A PostgreSQL database is asked when it is opened (StoreSnapshot), which creates
// nothing either.
bool store_exists(const std::string& path) {
  if (is_postgresql_location(path)) return true;
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// `audit verify` and `audit head`: read-only, and never creating the store or its key.
// 0: intact; 1: broken, the place named; 2: nothing could be checked.
int audit_command(const CommandLine& cl) {
  const bool head_only = cl.command == "audit head";
  const std::string path = option(cl, "--db", "aduan.db");
  std::optional<AuditHead> expect;
  if (const auto it = cl.options.find("--expect"); it != cl.options.end()) {
    expect = parse_audit_head(it->second);
    if (!expect) return fail("--expect takes a head as `aduan audit head` prints it: EVENT:LINK");
  }
  if (!store_exists(path)) {
    return fail("there is no store at " + path + " (give it with --db FILE); nothing was checked");
  }
  std::optional<Secrets> secrets;
  try {
    secrets = Secrets::load(key_path(cl, path));
  } catch (const KeyFileError& e) {
    return fail(std::string(e.what()) + "; nothing was checked");
  }
  StoreSnapshot store(path);
  const int schema = store.schema_version();
  if (schema < kKeyedChainSchema) {
    return fail(path + " predates the keyed audit chain (schema " + std::to_string(schema) +
                "): start aduan, or run `aduan migrate`, once with its key");
  }
  AuditResult result;
  // One snapshot of a store that may be in use.
  store.read([&](Db& db) { result = verify_chain(db, *secrets, expect); });
  if (result.broken) {
    std::cout << "audit: the chain is broken at " << *result.broken << "\n";
    return 1;
  }
  if (head_only) {
    std::cout << format_audit_head(result.head) << "\n";
    std::cerr << "audit: " << result.events << " events of " << result.reports
              << " reports, every link intact; the line above is the chain's head (its last "
                 "event, "
              << result.head.event_id
              << "). Keep it away from this machine; `aduan audit verify --expect HEAD` "
                 "checks that the store still holds it.\n";
    return 0;
  }
  std::cout << "audit: " << result.events << " events of " << result.reports
            << " reports, every link intact" << (expect ? ", through the expected head" : "")
            << "; head " << format_audit_head(result.head) << "\n";
  if (result.relinked_through > 0) {
    std::cout << "audit: events up to " << result.relinked_through
              << " were linked again when the store took its key: the chain vouches for them "
                 "from then on\n";
  }
  return 0;
}

// A lost key: the past can no longer be vouched for, nor the PINs checked. Starts the chain
// again with a new key, deliberately and never on its own.
int audit_new_key(const CommandLine& cl) {
  const std::string path = option(cl, "--db", "aduan.db");
  const std::string key = key_path(cl, path);
  if (!store_exists(path)) {
    return fail("there is no store at " + path + " (give it with --db FILE)");
  }
  struct stat st {};
  if (::stat(key.c_str(), &st) == 0 || errno != ENOENT) {
    return fail("there is a file at " + key +
                " already; new-key is only for a store whose key is lost, and never replaces one");
  }
  Store store(path, 1);
  const Secrets secrets = Secrets::load_or_create(key);
  Relinked done;
  store.write([&](Db& db) { done = adopt_audit_key(db, secrets, StoredPins::kDiscard); });
  std::cout << "new audit key at " << key << "; " << done.events
            << " events linked again with it; the PINs of " << done.pins
            << " reports were cleared and no longer open them\n";
  return 0;
}

// PostgreSQL keeps its own backups (pg_dump, pg_basebackup with WAL archiving); aduan's copy
// of a SQLite file does not apply to it.
constexpr const char* kPostgresqlBackup =
    "on PostgreSQL, back up and restore with PostgreSQL's own tools (pg_dump, or "
    "pg_basebackup with WAL archiving for point-in-time recovery): docs/operations.md, "
    "\"Backups on PostgreSQL\"";

int backup(const CommandLine& cl) {
  const std::string to = option(cl, "--to", "");
  if (to.empty()) return fail("--to FILE is required");
  if (is_postgresql_location(option(cl, "--db", "aduan.db"))) return fail(kPostgresqlBackup);
  try {
    backup_store(option(cl, "--db", "aduan.db"), to);
  } catch (const std::runtime_error& e) {
    return fail(e.what());
  }
  std::cout << "backup written to " << to << "\n";
  return 0;
}

int restore(const CommandLine& cl) {
  const std::string from = option(cl, "--from", "");
  if (from.empty()) return fail("--from FILE is required");
  if (is_postgresql_location(option(cl, "--db", "aduan.db"))) return fail(kPostgresqlBackup);
  try {
    restore_store(from, option(cl, "--db", "aduan.db"));
  } catch (const std::runtime_error& e) {
    return fail(e.what());
  }
  std::cout << "restored from " << from << "\n";
  return 0;
}

// The source's key names the copy's chain too: --audit-key, else beside a SQLite source; a
// SQLite target gets a copy of it beside it so that the new file works by itself, and a
// PostgreSQL target's servers are given the same file.
int copy_store_command(const CommandLine& cl) {
  CopyStoreOptions o;
  o.from = option(cl, "--from", "");
  o.to = option(cl, "--to", "");
  if (o.from.empty() || o.to.empty()) return fail("--from and --to are required");
  o.key_path = option(cl, "--audit-key", "");
  if (o.key_path.empty() && is_postgresql_location(o.from)) {
    return fail(
        "--audit-key FILE is required with a PostgreSQL --from: the source's key, "
        "which the copy is verified with");
  }
  if (o.key_path.empty()) o.key_path = default_audit_key_path(o.from);
  if (!is_postgresql_location(o.to)) o.target_key_path = default_audit_key_path(o.to);
  o.progress = [](const std::string& table, int64_t rows) {
    std::cerr << "copy-store: " << table << " " << rows << " rows\n";
  };
  CopyStoreSummary s;
  try {
    s = copy_store(o);
  } catch (const CopyRefused& e) {
    return fail(std::string(e.what()) + "; nothing was copied");
  }
  std::cout << "copied " << s.rows << " rows of " << s.tables.size() << " tables from " << o.from
            << " to " << o.to << " (schema " << s.schema_version << "); counters recounted, "
            << s.reports_indexed << " reports indexed for the staff search; the audit chain "
            << "verifies, head " << s.audit_head << "\n";
  if (s.key_written) std::cout << "the audit key was copied to " << o.target_key_path << "\n";
  if (is_postgresql_location(o.to)) {
    std::cout << "give its servers the same key: --audit-key " << o.key_path << "\n";
  }
  return 0;
}

int holidays_import(const CommandLine& cl) {
  const std::string file = option(cl, "--file", "");
  const std::string year = option(cl, "--national", "");
  if (file.empty() == year.empty()) return fail("give either --file or --national");
  std::vector<Holiday> holidays;
  if (!year.empty()) {
    const auto y = parse_int(year, 1900, 9999);
    if (y) holidays = shipped_national_holidays(*y);
    if (holidays.empty()) return fail("no national holiday list is shipped for " + year);
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail("cannot read " + file);
    std::ostringstream text;
    text << in.rdbuf();
    const HolidayCsv csv = parse_holiday_csv(text.str());
    for (const FieldError& e : csv.errors) {
      std::cerr << "aduan: " << file << " " << e.field << ": " << to_string(e.code) << "\n";
    }
    if (!csv.errors.empty()) return fail("nothing imported");
    holidays = csv.holidays;
  }
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path, 1, key_path(cl, path));
  const SystemClock clock;
  // The operator chose this list for these years: they are confirmed.
  const std::vector<int> years =
      HolidayService(store, clock).import(holidays, "aduan holidays import");
  std::cout << "imported " << holidays.size() << " holidays; confirmed";
  for (int y : years) std::cout << " " << y;
  std::cout << "\n";
  return 0;
}

void print_holiday_years(const HolidayService& holidays) {
  for (const HolidayYear& y : holidays.years()) {
    std::cout << y.year << "  " << y.holidays << " holidays  "
              << (y.confirmed ? "confirmed" : "PROVISIONAL (not confirmed)");
    if (y.confirmed && !y.confirmed_by.empty()) std::cout << " by " << y.confirmed_by;
    std::cout << "\n";
  }
}

int holidays_confirm(const CommandLine& cl) {
  const std::string year = option(cl, "--year", "");
  const auto y = parse_int(year, 1900, 9999);
  if (!y) return fail("give the year to confirm: aduan holidays confirm YEAR");
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path, 1, key_path(cl, path));
  const SystemClock clock;
  HolidayService holidays(store, clock);
  if (!holidays.confirm(*y, "aduan holidays confirm")) {
    return fail("there are no holidays in " + year + " to confirm");
  }
  print_holiday_years(holidays);
  return 0;
}

int holidays_years(const CommandLine& cl) {
  const std::string path = option(cl, "--db", "aduan.db");
  Store store(path, 1, key_path(cl, path));
  const SystemClock clock;
  print_holiday_years(HolidayService(store, clock));
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
  size_t first_option = 1;
  // Two-word commands: "user add", "jobs run", "holidays import".
  if ((args[0] == "user" || args[0] == "jobs" || args[0] == "holidays" || args[0] == "audit") &&
      args.size() > 1) {
    cl.command += " " + args[1];
    first_option = 2;
  }
  const auto known = kCommandOptions.find(cl.command);
  if (known == kCommandOptions.end()) {
    cl.error = "unknown command '" + cl.command + "'";
    return cl;
  }
  // "holidays confirm YEAR": the year may come first, without --year.
  if (cl.command == "holidays confirm" && args.size() > first_option &&
      args[first_option].rfind("--", 0) != 0) {
    cl.options["--year"] = args[first_option++];
  }
  for (size_t i = first_option; i < args.size(); ++i) {
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
    if (cl.command.rfind("user ", 0) == 0) return user_command(cl);
    if (cl.command == "jobs run") return jobs_run(cl);
    if (cl.command == "holidays import") return holidays_import(cl);
    if (cl.command == "holidays confirm") return holidays_confirm(cl);
    if (cl.command == "holidays years") return holidays_years(cl);
    if (cl.command == "seed") return seed(cl);
    if (cl.command == "backup") return backup(cl);
    if (cl.command == "audit verify" || cl.command == "audit head") return audit_command(cl);
    if (cl.command == "audit new-key") return audit_new_key(cl);
    if (cl.command == "restore") return restore(cl);
    if (cl.command == "copy-store") return copy_store_command(cl);
  } catch (const StorageError& e) {
    std::cerr << "aduan: database error: " << e.what() << "\n";
    return 1;
  } catch (const std::runtime_error& e) {
    std::cerr << "aduan: " << e.what() << "\n";  // a TLS certificate that cannot be used, ...
    return 1;
  }
  return 2;
}

}  // namespace aduan
