#include "support/test_peers.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>

#include "notify/transports.h"
#include "support/test_paths.h"

extern char** environ;

namespace aduan::testing {

namespace {

bool can_bind(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

int free_port() {
  // Below the kernel's range of ephemeral ports (32768 and up by default), which every
  // outgoing connection and every listener on port 0 of the tests running beside this one
  // take from: a port from that range, free when checked, was at times taken before the
  // peer bound it (an SMTP sink that never started, and a test that waited for it in vain).
  static std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> below_ephemeral(20000, 32000);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int port = below_ephemeral(random);
    if (can_bind(port)) return port;
  }
  ADD_FAILURE() << "no free port below the ephemeral range";
  return 0;
}

Subprocess::Subprocess(const std::vector<std::string>& argv, const std::string& stdout_path) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, (stdout_path + ".err").c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid = 0;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) pid_ = pid;
  posix_spawn_file_actions_destroy(&actions);
}

Subprocess::~Subprocess() { terminate(); }

AduanProcess::AduanProcess(const std::string& bin, const std::filesystem::path& db,
                           const std::filesystem::path& log, std::vector<std::string> extra,
                           int port)
    : port_(port ? port : free_port()) {
  std::vector<std::string> argv{bin, "serve", "--db", db.string(), "--port", std::to_string(port_)};
  argv.insert(argv.end(), extra.begin(), extra.end());
  process_ = std::make_unique<Subprocess>(argv, log.string());
  httplib::Client c = client();
  // Up to 60 s: a first start on an older store migrates it (and fills the search index),
  // which under the sanitizers on a busy machine takes seconds, not milliseconds.
  for (int i = 0; i < 3000; ++i) {
    if (auto res = c.Get("/healthz"); res && res->status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::ifstream err(log.string() + ".err");
  const std::string said((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  ADD_FAILURE() << "aduan did not start; see " << log << "; it said: " << said.substr(0, 2000);
}

httplib::Client AduanProcess::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(2);
  c.set_read_timeout(15);
  c.set_tcp_nodelay(true);
  return c;
}

void Subprocess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
}

void Subprocess::terminate() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
}

SmtpSink::SmtpSink(const std::filesystem::path& dir, int port,
                   const std::vector<std::string>& extra)
    : log_(dir / ("smtp-" + std::to_string(port) + "-" + std::to_string(::getpid()) + ".jsonl")) {
  const auto port_file = dir / ("smtp-port-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
  std::filesystem::remove(port_file);
  std::vector<std::string> argv = {"/usr/bin/python3", ADUAN_SMTP_SINK, "--log",
                                   log_.string(),      "--port-file",   port_file.string()};
  if (port) {
    argv.push_back("--port");
    argv.push_back(std::to_string(port));
  }
  argv.insert(argv.end(), extra.begin(), extra.end());
  process_ = std::make_unique<Subprocess>(argv, (dir / "smtp-sink.out").string());
  for (int i = 0; i < 200 && !std::filesystem::exists(port_file); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::ifstream(port_file) >> port_;
}

std::vector<nlohmann::json> SmtpSink::messages() const {
  std::vector<nlohmann::json> out;
  std::ifstream in(log_);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

GatewayReceiver::GatewayReceiver(std::string secret) : secret_(std::move(secret)) {
  server_.Post("/send", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string expected =
        sign_outgoing(secret_, req.get_header_value("X-Aduan-Timestamp"), req.body);
    if (req.get_header_value("X-Aduan-Signature") != expected) {
      ++bad_signatures_;
      res.status = 401;
      return;
    }
    res.status = status_;
    if (res.status == 200) {
      std::lock_guard lock(mutex_);
      received_.push_back(nlohmann::json::parse(req.body));
    }
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

GatewayReceiver::~GatewayReceiver() {
  server_.stop();
  thread_.join();
}

std::vector<nlohmann::json> GatewayReceiver::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

}  // namespace aduan::testing
