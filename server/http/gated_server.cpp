#include "http/gated_server.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace aduan {
namespace {

using Clock = std::chrono::steady_clock;

// Whether `fd` becomes ready for `events` before `deadline`.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, events, 0};
    const int rc = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left, 1000)));
    if (rc > 0) return true;
    if (rc < 0 && errno != EINTR) return false;
  }
}

// A request's connection as the library reads and writes it: the bytes the gate already
// read come first; every read waits at most until the request's deadline.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(Connection& c, Clock::time_point read_deadline, std::chrono::seconds write)
      : c_(c), read_deadline_(read_deadline), write_timeout_(write) {}

  bool is_readable() const override {
    return c_.consumed < c_.pending.size() || wait_for(c_.fd, POLLIN, read_deadline_);
  }
  bool is_writable() const override {
    return wait_for(c_.fd, POLLOUT, Clock::now() + write_timeout_);
  }
  ssize_t read(char* ptr, size_t size) override {
    if (c_.consumed < c_.pending.size()) {
      const size_t n = std::min(size, c_.pending.size() - c_.consumed);
      std::memcpy(ptr, c_.pending.data() + c_.consumed, n);
      c_.consumed += n;
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      const ssize_t n = ::recv(c_.fd, ptr, size, MSG_DONTWAIT);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      if (!wait_for(c_.fd, POLLIN, read_deadline_)) return -1;
    }
  }
  ssize_t write(const char* ptr, size_t size) override {
    for (;;) {
      const ssize_t n = ::send(c_.fd, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      if (!is_writable()) return -1;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.address;
    port = c_.port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.local_address;
    port = c_.local_port;
  }
  socket_t socket() const override { return c_.fd; }

 private:
  Connection& c_;
  Clock::time_point read_deadline_;
  std::chrono::seconds write_timeout_;
};

// Runs each accepted socket's task at once on the accept thread: the task only hands the
// socket to the gate. Ending the queue (the accept loop stopped) stops the gate.
class InlineQueue : public httplib::TaskQueue {
 public:
  explicit InlineQueue(ConnectionGate& gate) : gate_(gate) {}
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override { gate_.stop(); }

 private:
  ConnectionGate& gate_;
};

}  // namespace

GatedServer::GatedServer(GatedOptions options, ConnectionCounters& counters) : options_(options) {
  gate_ = std::make_unique<ConnectionGate>(options_.gate, counters,
                                           [this](Connection& c) { return serve(c); });
  new_task_queue = [this] { return new InlineQueue(*gate_); };
}

GatedServer::~GatedServer() { gate_->stop(); }

bool GatedServer::process_and_close_socket(socket_t sock) {
  gate_->admit(sock);
  return true;
}

bool GatedServer::serve(Connection& c) {
  // The head is in hand (or too long to be); what is left is the body, at the body rate.
  int64_t body = c.body_bytes >= 0 ? c.body_bytes : options_.max_body_bytes;
  body = std::min(body, options_.max_body_bytes);
  const auto deadline = Clock::now() + std::chrono::seconds(options_.gate.head_timeout_seconds) +
                        std::chrono::seconds(body / options_.min_body_bytes_per_second);
  DeadlineStream stream(c, deadline, std::chrono::seconds(options_.write_timeout_seconds));
  bool closed = false;
  const bool ok = process_request(stream, /*close_connection=*/false, closed, nullptr);
  // A head too long to be whole was refused: what follows it on the connection is its rest,
  // not another request.
  const bool whole = c.head_bytes > 0 && c.head_bytes <= ConnectionGate::kMaxHeadBytes;
  return ok && !closed && whole;
}

}  // namespace aduan
