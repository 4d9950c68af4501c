#include "notify/notification_sender.h"

#include <iostream>
#include <optional>

#include "notify/open311_transport.h"
#include "store/db.h"
#include "store/outbox_repository.h"

namespace aduan {
namespace {
constexpr int kBatch = 20;
}  // namespace

NotificationSender::NotificationSender(Store& store, const Clock& clock, const NotifyConfig& config)
    : store_(store), clock_(clock), retry_(config.retry), seal_secret_(config.seal_secret) {
  if (config.smtp) transports_["email"] = make_smtp_transport(*config.smtp);
  if (config.gateway) {
    std::shared_ptr<Transport> gateway = make_gateway_transport(*config.gateway);
    transports_["sms"] = gateway;
    transports_["whatsapp"] = gateway;
  }
  // Reports forwarded to an agency that works in another system: always on, configured per
  // agency (store/external_agency_repository.h).
  transports_["open311"] = make_open311_transport(store, clock);
}

NotificationSender::~NotificationSender() { stop(); }

void NotificationSender::set_transport(const std::string& channel,
                                       std::shared_ptr<Transport> transport) {
  transports_[channel] = std::move(transport);
}

int64_t NotificationSender::backoff_seconds(const RetrySettings& r, int attempts) {
  int64_t delay = r.base_seconds;
  for (int i = 1; i < attempts && delay < r.max_seconds; ++i) delay *= 2;
  return std::min<int64_t>(delay, r.max_seconds);
}

SendRound NotificationSender::run_once() {
  SendRound round;
  while (true) {
    std::vector<OutboxMessage> batch;
    store_.write([&](Db& db) {
      batch = OutboxRepository::claim_due(db, clock_.now_unix(), retry_.lease_seconds, kBatch);
    });
    if (batch.empty()) break;
    for (OutboxMessage& m : batch) {
      const auto transport = transports_.find(m.channel);
      // A channel this deployment does not (or no longer) deliver: the message waits.
      Delivery d{false, false, "no transport for channel " + m.channel};
      // A text with the reporter's PIN is opened only here, for the transport.
      std::optional<std::string> opened;
      if (!m.sealed_body.empty()) opened = open_outbox_text(seal_secret_, m.sealed_body);
      if (!m.sealed_body.empty() && !opened) {
        d = {false, true, "sealed text cannot be opened: the server's secret changed"};
      } else if (transport != transports_.end()) {
        if (opened) m.body = std::move(*opened);
        d = transport->second->deliver(m);
      }
      const int attempts = m.attempts + 1;
      const int64_t now = clock_.now_unix();
      store_.write([&](Db& db) {
        if (d.ok) {
          OutboxRepository::mark_sent(db, m.id, attempts, now);
          ++round.sent;
        } else if (d.permanent || attempts >= retry_.max_attempts) {
          OutboxRepository::mark_failed(db, m.id, attempts, d.error);
          ++round.failed;
        } else {
          OutboxRepository::mark_retry(db, m.id, attempts, now + backoff_seconds(retry_, attempts),
                                       d.error);
          ++round.retried;
        }
      });
      if (!d.ok) {
        std::cerr << R"({"level":"warn","event":"notification_not_delivered","channel":")"
                  << m.channel << R"(","attempts":)" << attempts << "}\n";
      }
    }
  }
  return round;
}

void NotificationSender::start(int poll_ms) {
  thread_ = std::thread([this, poll_ms] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        run_once();
      } catch (const std::exception&) {
        std::cerr << R"({"level":"error","event":"notification_round_failed"})"
                  << "\n";
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::milliseconds(poll_ms),
                     [this] { return stopping_ || woken_; });
      woken_ = false;
    }
  });
}

void NotificationSender::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void NotificationSender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace aduan
