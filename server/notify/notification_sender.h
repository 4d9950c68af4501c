// The thread that delivers the outbox: at least once, with exponential backoff, each
// message under its stable ID. It only marks a message sent after the receiver accepted
// it, so a crash mid-send means one more delivery of the same ID, never a lost one.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "base/clock.h"
#include "notify/notify_config.h"
#include "notify/transports.h"
#include "store/store.h"

namespace aduan {

struct SendRound {
  int sent = 0;
  int retried = 0;
  int failed = 0;
};

class NotificationSender {
 public:
  NotificationSender(Store& store, const Clock& clock, const NotifyConfig& config);
  ~NotificationSender();

  // Replaces the transport of a channel ("email", "sms", "whatsapp", "open311"); for tests.
  void set_transport(const std::string& channel, std::shared_ptr<Transport> transport);

  // Delivers what is due now, once.
  SendRound run_once();

  // Delivers in the background, looking every `poll_ms` and when woken.
  void start(int poll_ms = 1000);
  void stop();
  void wake();

  // When the attempt `attempts` (1-based) failed: the delay before the next try.
  static int64_t backoff_seconds(const RetrySettings& r, int attempts);

 private:
  Store& store_;
  const Clock& clock_;
  RetrySettings retry_;
  std::string seal_secret_;
  std::map<std::string, std::shared_ptr<Transport>> transports_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace aduan
