// The connection gate's share of workers per address, on real loopback sockets: an address
// with more ready requests than its share is served its share at a time, the rest of them in
// turn as its places free (no request waits for a wake-up that never comes), and another
// address is served meanwhile.
#include "http/connection_gate.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/metrics.h"

namespace aduan::testing {
namespace {

using Clock = std::chrono::steady_clock;

// A listening socket on 127.0.0.1 and clients that connect to it from a loopback address
// of their choosing (all of 127.0.0.0/8 is this machine's).
class Loopback {
 public:
  Loopback() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(::listen(listener_, 64), 0);
    socklen_t len = sizeof(addr);
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = addr.sin_port;
  }
  ~Loopback() {
    ::close(listener_);
    for (int fd : clients_) ::close(fd);
  }

  // Connects from `from` and sends one whole request head; returns the server's end.
  int request_from(const char* from) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof(local)), 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = port_;
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof(to)), 0);
    const std::string head = "GET /livez HTTP/1.1\r\nHost: aduan\r\n\r\n";
    EXPECT_EQ(::send(fd, head.data(), head.size(), 0), static_cast<ssize_t>(head.size()));
    clients_.push_back(fd);
    return ::accept(listener_, nullptr, nullptr);
  }

 private:
  int listener_ = -1;
  in_port_t port_ = 0;
  std::vector<int> clients_;
};

// What the workers did: how many requests of each address were served, how many at most at
// once, and when each address's last one ended.
struct Served {
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::string, int> now, most, done;
  std::map<std::string, Clock::time_point> last_end;
  int total = 0;
};

TEST(ConnectionGate, AnAddressGetsItsShareOfWorkersAndTheRestOfItsRequestsInTurn) {
  Served served;
  ConnectionCounters counters;
  GateOptions options;
  options.workers = 4;
  options.max_busy_per_address = 1;
  ConnectionGate gate(options, counters, [&](Connection& c) {
    {
      std::lock_guard lock(served.mutex);
      const int busy = ++served.now[c.address];
      served.most[c.address] = std::max(served.most[c.address], busy);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    {
      std::lock_guard lock(served.mutex);
      --served.now[c.address];
      ++served.done[c.address];
      served.last_end[c.address] = Clock::now();
      ++served.total;
    }
    served.changed.notify_all();
    return false;  // closed after its one request
  });

  Loopback net;
  // Five requests from one address, all ready before any ends, then two from another.
  for (int i = 0; i < 5; ++i) gate.admit(net.request_from("127.0.0.1"));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (int i = 0; i < 2; ++i) gate.admit(net.request_from("127.0.0.2"));

  std::unique_lock lock(served.mutex);
  // One at a time, the five take about 500 ms, the other address's two about 200 ms beside
  // them; a request left waiting for a wake-up would wait here for good.
  ASSERT_TRUE(
      served.changed.wait_for(lock, std::chrono::seconds(10), [&] { return served.total == 7; }))
      << served.total << " of 7 requests served";
  EXPECT_EQ(served.done["127.0.0.1"], 5);
  EXPECT_EQ(served.done["127.0.0.2"], 2);
  // Never more than its share at once, though three workers were free.
  EXPECT_EQ(served.most["127.0.0.1"], 1);
  EXPECT_EQ(served.most["127.0.0.2"], 1);
  // The second address did not wait behind the first's queue.
  EXPECT_LT(served.last_end["127.0.0.2"], served.last_end["127.0.0.1"]);
  lock.unlock();
  gate.stop();
}

}  // namespace
}  // namespace aduan::testing
