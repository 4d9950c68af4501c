// Real peers for notification tests: a child process helper, the SMTP sink
// (tests/tools/smtp_sink.py on Debian's python3-aiosmtpd) and an HTTP gateway receiver that
// checks the HMAC signature of every request.
#pragma once

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace aduan::testing {

// A child process; killed (SIGTERM, or SIGKILL if asked) when destroyed.
class Subprocess {
 public:
  Subprocess(const std::vector<std::string>& argv, const std::string& stdout_path);
  ~Subprocess();
  void kill_hard();  // SIGKILL, no chance to clean up
  void terminate();  // SIGTERM and wait
  bool running() const { return pid_ > 0; }

 private:
  int pid_ = 0;
};

// A port nothing is bound to right now (bound and released at once), below the range the
// kernel hands out to connections and to listeners on port 0.
int free_port();

// `aduan serve` (the real binary, `bin`) on `port` (0: a free one); the constructor returns
// once /healthz answers, and fails the test if it never does.
class AduanProcess {
 public:
  AduanProcess(const std::string& bin, const std::filesystem::path& db,
               const std::filesystem::path& log, std::vector<std::string> extra = {}, int port = 0);
  int port() const { return port_; }
  httplib::Client client() const;
  void kill_hard() { process_->kill_hard(); }
  void terminate() { process_->terminate(); }

 private:
  int port_ = 0;
  std::unique_ptr<Subprocess> process_;
};

class SmtpSink {
 public:
  // Starts tests/tools/smtp_sink.py on `port` (0: any) and waits until it listens.
  explicit SmtpSink(const std::filesystem::path& dir, int port = 0,
                    const std::vector<std::string>& extra = {});
  int port() const { return port_; }
  // Every message accepted so far, one JSON object each (with "duplicate").
  std::vector<nlohmann::json> messages() const;
  void stop() { process_.reset(); }

 private:
  std::filesystem::path log_;
  int port_ = 0;
  std::unique_ptr<Subprocess> process_;
};

class GatewayReceiver {
 public:
  explicit GatewayReceiver(std::string secret);
  ~GatewayReceiver();
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/send"; }
  // Requests with a valid signature, in order.
  std::vector<nlohmann::json> received() const;
  int bad_signatures() const { return bad_signatures_; }
  void answer_with(int status) { status_ = status; }

 private:
  std::string secret_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> status_{200};
  std::atomic<int> bad_signatures_{0};
  mutable std::mutex mutex_;
  std::vector<nlohmann::json> received_;
};

}  // namespace aduan::testing
