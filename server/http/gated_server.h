// cpp-httplib's server with its connections kept in the ConnectionGate (http/connection_gate.h)
// until a request is ready, and every read of a request held to one deadline for the whole
// request instead of the library's timeout per read.
//
// How it hooks in: the library's accept loop hands each socket to a task queue, which calls
// the server's (virtual) process_and_close_socket. Here the queue runs that call on the
// accept thread itself, and the override only hands the socket to the gate; a gate worker
// later runs the library's own request processing (process_request) on a stream that reads
// what the gate already holds first. The plain-HTTP server only: under aduan's own TLS the
// library's SSL server keeps a worker per connection (docs/operations.md).
#pragma once

#include <httplib.h>

#include <memory>

#include "http/connection_gate.h"

namespace aduan {

struct ConnectionCounters;

struct GatedOptions {
  GateOptions gate;
  int write_timeout_seconds = 10;
  // A body must keep up this rate: a request of N body bytes gets the head's time plus
  // N / rate seconds in all. 4 KiB/s is a poor 2G link; a 256 KiB upload chunk gets 74 s.
  int64_t min_body_bytes_per_second = 4096;
  int64_t max_body_bytes = 1 << 20;
};

class GatedServer : public httplib::Server {
 public:
  GatedServer(GatedOptions options, ConnectionCounters& counters);
  ~GatedServer() override;

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool serve(Connection& c);

  GatedOptions options_;
  std::unique_ptr<ConnectionGate> gate_;
};

}  // namespace aduan
