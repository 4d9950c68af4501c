#include "http/connection_gate.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "http/metrics.h"

namespace aduan {
namespace {

using Clock = std::chrono::steady_clock;

// The textual address and port of a socket's peer (`peer`) or its own end.
void address_of(int fd, bool peer, std::string* address, int* port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                      : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
    *port = ntohs(v4->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
    *port = ntohs(v6->sin6_port);
  }
  *address = text;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// The Content-Length of a head, 0 without a body, -1 when the body's length is not given
// up front (chunked) or the client waits for "100 Continue" before sending it: then the
// body is not waited for here.
int64_t body_length(std::string_view head) {
  int64_t length = 0;
  size_t at = head.find("\r\n");
  while (at != std::string_view::npos && at + 2 < head.size()) {
    const size_t end = head.find("\r\n", at + 2);
    const std::string_view line = head.substr(at + 2, end - at - 2);
    if (starts_with_nocase(line, "transfer-encoding:") || starts_with_nocase(line, "expect:")) {
      return -1;
    }
    if (starts_with_nocase(line, "content-length:")) {
      int64_t n = 0;
      for (char ch : line.substr(15)) {
        if (ch >= '0' && ch <= '9') {
          if (n > (int64_t{1} << 40)) return -1;
          n = n * 10 + (ch - '0');
        }
      }
      length = n;
    }
    at = end;
  }
  return length;
}

}  // namespace

ConnectionGate::ConnectionGate(GateOptions options, ConnectionCounters& counters, Serve serve)
    : options_(options),
      counters_(counters),
      serve_(std::move(serve)),
      busy_cap_(options.max_busy_per_address > 0
                    ? options.max_busy_per_address
                    : std::max<size_t>(2, static_cast<size_t>(options.workers) / 4)) {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  gate_thread_ = std::thread([this] { run_gate(); });
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { run_worker(); });
}

ConnectionGate::~ConnectionGate() {
  stop();
  ::close(epoll_fd_);
  ::close(wake_fd_);
}

void ConnectionGate::admit(int fd) {
  auto c = std::make_unique<Connection>();
  c->fd = fd;
  address_of(fd, true, &c->address, &c->port);
  address_of(fd, false, &c->local_address, &c->local_port);
  {
    std::lock_guard lock(mutex_);
    AddressUse& use = addresses_[c->address];
    const bool full = open_ >= options_.max_connections;
    if (stopping_ || full || use.open >= options_.max_connections_per_address) {
      if (use.open == 0) addresses_.erase(c->address);
      (full ? counters_.refused_capacity : counters_.refused_address)++;
      ::close(fd);
      return;
    }
    ++use.open;
    ++open_;
    counters_.accepted++;
    counters_.open++;
    c->deadline = Clock::now() + std::chrono::seconds(options_.head_timeout_seconds);
    inbox_.push_back(std::move(c));
  }
  wake_gate();
}

void ConnectionGate::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_gate();
  work_.notify_all();
  if (gate_thread_.joinable()) gate_thread_.join();
  for (auto& w : workers_) w.join();
  workers_.clear();
  std::vector<std::unique_ptr<Connection>> left;
  {
    std::lock_guard lock(mutex_);
    for (auto& c : inbox_) left.push_back(std::move(c));
    for (auto& c : ready_) left.push_back(std::move(c));
    inbox_.clear();
    ready_.clear();
  }
  for (auto& [fd, c] : waiting_) left.push_back(std::move(c));
  waiting_.clear();
  for (auto& c : left) close(std::move(c));
}

void ConnectionGate::wake_gate() {
  const uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof(one));
}

bool ConnectionGate::read_more(Connection& c) {
  char buffer[4096];
  while (c.pending.size() < kMaxHeadBytes + kMaxGateBody) {
    const size_t room = std::min(sizeof(buffer), kMaxHeadBytes + kMaxGateBody - c.pending.size());
    const ssize_t n = ::recv(c.fd, buffer, room, MSG_DONTWAIT);
    if (n > 0) {
      if (!c.started) {
        // The head's deadline runs from its first byte: a connection kept alive between
        // requests had the (shorter) idle deadline until now.
        c.started = true;
        c.deadline = Clock::now() + std::chrono::seconds(options_.head_timeout_seconds);
      }
      c.pending.append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (n == 0) return false;  // the client closed
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

bool ConnectionGate::ready(Connection& c) {
  if (c.head_bytes == 0) {
    const size_t end = c.pending.find("\r\n\r\n");
    if (end == std::string::npos) {
      // A head this long is refused by the parser; let it say so.
      return c.pending.size() >= kMaxHeadBytes;
    }
    c.head_bytes = end + 4;
    c.body_bytes = body_length(std::string_view(c.pending).substr(0, c.head_bytes));
  }
  if (c.head_bytes > kMaxHeadBytes) return true;
  if (c.body_bytes < 0 || c.body_bytes > static_cast<int64_t>(kMaxGateBody)) return true;
  return c.pending.size() >= c.head_bytes + static_cast<size_t>(c.body_bytes);
}

void ConnectionGate::watch(std::unique_ptr<Connection> c) {
  epoll_event ev{};
  // Edge-triggered: every read drains the socket, so a new event means new bytes.
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  ev.data.fd = c->fd;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->fd, &ev) != 0) return close(std::move(c));
  const int fd = c->fd;
  waiting_[fd] = std::move(c);
}

void ConnectionGate::to_workers(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(mutex_);
    ready_.push_back(std::move(c));
  }
  work_.notify_one();
}

void ConnectionGate::close(std::unique_ptr<Connection> c) {
  ::close(c->fd);
  std::lock_guard lock(mutex_);
  const auto it = addresses_.find(c->address);
  if (it != addresses_.end() && --it->second.open == 0) addresses_.erase(it);
  --open_;
  counters_.open--;
}

void ConnectionGate::run_gate() {
  std::vector<epoll_event> events(256);
  auto last_sweep = Clock::now();
  for (;;) {
    const int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 100);
    // The wake-ups are consumed before the inbox is taken, never after: a connection a worker
    // hands back between the two would otherwise have its wake-up read here and wait for the
    // next timeout (up to 100 ms; it was 0.1 % of all requests under load).
    uint64_t wakes = 0;
    [[maybe_unused]] const ssize_t drained = ::read(wake_fd_, &wakes, sizeof(wakes));
    std::vector<std::unique_ptr<Connection>> arrived;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      arrived.swap(inbox_);
    }
    // New and returning connections: those with a request already in hand go straight on.
    for (auto& c : arrived) {
      if (!read_more(*c)) {
        close(std::move(c));
      } else if (ready(*c)) {
        to_workers(std::move(c));
      } else {
        watch(std::move(c));
      }
    }
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      if (fd == wake_fd_) continue;  // drained above
      const auto it = waiting_.find(fd);
      if (it == waiting_.end()) continue;
      Connection& c = *it->second;
      const bool alive = read_more(c);
      if (!alive || ready(c)) {
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
        std::unique_ptr<Connection> taken = std::move(it->second);
        waiting_.erase(it);
        if (alive) {
          to_workers(std::move(taken));
        } else {
          close(std::move(taken));
        }
      }
    }
    const auto now = Clock::now();
    if (now - last_sweep < std::chrono::milliseconds(100)) continue;
    last_sweep = now;
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (now < it->second->deadline) {
        ++it;
        continue;
      }
      (it->second->started ? counters_.head_timeouts : counters_.idle_closed)++;
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, it->first, nullptr);
      close(std::move(it->second));
      it = waiting_.erase(it);
    }
  }
}

void ConnectionGate::run_worker() {
  for (;;) {
    std::unique_ptr<Connection> c;
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [&] {
        if (stopping_) return true;
        const auto it = std::find_if(ready_.begin(), ready_.end(), [&](const auto& r) {
          return addresses_[r->address].busy < busy_cap_;
        });
        if (it == ready_.end()) return false;
        c = std::move(*it);
        ready_.erase(it);
        return true;
      });
      if (!c) return;  // stopping
      ++addresses_[c->address].busy;
    }
    counters_.busy++;
    const bool keep = serve_(*c);
    counters_.busy--;
    bool stopping = false;
    {
      std::lock_guard lock(mutex_);
      --addresses_[c->address].busy;
      stopping = stopping_;
    }
    // The place this address held is free, and this worker is the one free to use it: it
    // takes the next connection that may go (this address's, held back by the cap, or any
    // other) when it waits again below, without waking a thread. Waking every idle worker
    // here, each to look through the queue and sleep again, was about a third of the
    // server's CPU with 32 clients behind one address.
    if (!keep || stopping) {
      close(std::move(c));
      continue;
    }
    // What the request left unread (a pipelined next request) stays; the rest is forgotten.
    c->pending.erase(0, c->consumed);
    c->consumed = 0;
    c->head_bytes = 0;
    c->body_bytes = 0;
    c->started = !c->pending.empty();
    c->deadline = Clock::now() + std::chrono::seconds(c->started ? options_.head_timeout_seconds
                                                                 : options_.keep_alive_seconds);
    {
      std::lock_guard lock(mutex_);
      inbox_.push_back(std::move(c));
    }
    wake_gate();
  }
}

}  // namespace aduan
