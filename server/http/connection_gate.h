// The waiting room in front of the HTTP workers: connections wait here, holding no thread,
// until a whole request head (and a small body) has arrived; only then does a worker take
// one. A client that trickles its head a byte at a time, or opens hundreds of connections
// and sends nothing, costs a file descriptor and a few bytes, never a worker, and is dropped
// when the head's deadline passes (a deadline for the whole head, not for each read).
//
// cpp-httplib alone gives each connection a worker from accept to close, with a timeout per
// read: 40 connections sending a header line every few seconds held every worker for as
// long as they liked. Its accept loop and request parser stay; GatedServer (http/gated_server.h)
// hands each accepted socket here and runs the library's request processing on a worker
// once the gate says the request is ready.
//
// Fairness: one address may hold at most `max_busy_per_address` workers at once (its other
// ready connections wait their turn), and at most `max_connections_per_address` connections
// in all; past either cap of connections a new one is closed at once. Every table here is
// bounded by `max_connections`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace aduan {

struct ConnectionCounters;

struct GateOptions {
  int workers = 32;
  int head_timeout_seconds = 10;  // the whole request head, from its first byte
  int keep_alive_seconds = 5;     // an idle connection between requests
  size_t max_connections = 4096;
  size_t max_connections_per_address = 256;  // generous: a carrier NAT puts a town behind one
  size_t max_busy_per_address = 0;           // 0: a quarter of the workers, at least 2
};

// One client connection and the bytes read from it that no request has consumed yet.
struct Connection {
  int fd = -1;
  std::string address;  // the client's, as the routes see it
  int port = 0;
  std::string local_address;
  int local_port = 0;
  std::string pending;     // read from the socket, not yet consumed
  size_t consumed = 0;     // of `pending`, by the request being served
  size_t head_bytes = 0;   // with a whole head in `pending`: its length; else 0
  int64_t body_bytes = 0;  // its Content-Length; -1: unknown (chunked)
  bool started = false;    // the first byte of the current head has arrived
  std::chrono::steady_clock::time_point deadline;
};

class ConnectionGate {
 public:
  // Serves one request of a ready connection on a worker; returns whether the connection
  // stays open for another request.
  using Serve = std::function<bool(Connection&)>;

  ConnectionGate(GateOptions options, ConnectionCounters& counters, Serve serve);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // Takes an accepted socket (from the accept thread); closes it at once past a cap.
  void admit(int fd);
  // Closes every waiting connection and ends the threads once the requests in hand end.
  void stop();

  // Bytes of head a client may send before it is handed to the parser as it is (which
  // refuses it), and of body that waits here rather than on a worker.
  static constexpr size_t kMaxHeadBytes = 16 * 1024;
  static constexpr size_t kMaxGateBody = 16 * 1024;

 private:
  struct AddressUse {
    size_t open = 0;
    size_t busy = 0;
  };

  void run_gate();
  void run_worker();
  // Reads what arrived; returns false when the connection is to be closed.
  bool read_more(Connection& c);
  // Whether `c` holds a request a worker can serve without waiting for the client.
  bool ready(Connection& c);
  void to_workers(std::unique_ptr<Connection> c);
  void watch(std::unique_ptr<Connection> c);  // into the gate thread's epoll
  void close(std::unique_ptr<Connection> c);
  void wake_gate();

  const GateOptions options_;
  ConnectionCounters& counters_;
  const Serve serve_;
  const size_t busy_cap_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;

  std::mutex mutex_;  // guards everything below
  std::condition_variable work_;
  bool stopping_ = false;
  size_t open_ = 0;
  std::unordered_map<std::string, AddressUse> addresses_;
  std::vector<std::unique_ptr<Connection>> inbox_;  // for the gate thread to watch
  std::deque<std::unique_ptr<Connection>> ready_;   // for the workers

  // The gate thread's own: connections it watches, by descriptor.
  std::unordered_map<int, std::unique_ptr<Connection>> waiting_;

  std::thread gate_thread_;
  std::vector<std::thread> workers_;
};

}  // namespace aduan
