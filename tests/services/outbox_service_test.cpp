// The notifications as the system admin sees them: never a message's text, and a citizen's
// contact only masked, also inside a transport's error.
#include "services/outbox_service.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "notify/notification_sender.h"
#include "store/outbox_repository.h"
#include "store/sqlite_db.h"
#include "support/service_store.h"

namespace aduan {
namespace {

int64_t queue_failed(Store& store, const std::string& recipient, bool to_citizen,
                     const std::string& error) {
  OutboxMessage m;
  m.message_id = "test-" + recipient;
  m.event = "submitted";
  m.channel = "email";
  m.recipient = recipient;
  m.to_citizen = to_citizen;
  m.subject = "Laporan ADU-TEST: jalan berlubang";
  m.body = "Isi pesan dengan PIN 12345678";
  store.write([&](Db& db) {
    OutboxRepository::insert(db, &m);
    OutboxRepository::mark_failed(db, m.id, 5, error);
  });
  return m.id;
}

TEST(OutboxService, TheSystemAdminSeesACitizensContactMaskedAndNoText) {
  ServiceStore s;
  NotificationSender sender(s.store(), s.clock(), NotifyConfig{});
  OutboxService outbox(s.store(), s.clock(), sender);
  queue_failed(s.store(), "budi.s@gmail.com", true, "550 budi.s@gmail.com: no such user");
  queue_failed(s.store(), "petugas@dpupr.go.id", false, "550 mailbox full");

  const std::vector<OutboxMessage> failed = outbox.list("failed");
  ASSERT_EQ(failed.size(), 2u);
  for (const OutboxMessage& m : failed) {
    EXPECT_TRUE(m.subject.empty());
    EXPECT_TRUE(m.body.empty());
    EXPECT_TRUE(m.sealed_body.empty());
    if (m.to_citizen) {
      EXPECT_EQ(m.recipient, "b\u2022\u2022\u2022@g\u2022\u2022\u2022\u2022.com");
      EXPECT_EQ(m.last_error,
                "550 b\u2022\u2022\u2022@g\u2022\u2022\u2022\u2022.com: no such user");
    } else {
      EXPECT_EQ(m.recipient, "petugas@dpupr.go.id");  // staff contacts are shown whole
    }
  }
  EXPECT_TRUE(outbox.list("sent").empty());
}

TEST(OutboxService, AFailedMessageIsQueuedAgainOnce) {
  ServiceStore s;
  NotificationSender sender(s.store(), s.clock(), NotifyConfig{});
  OutboxService outbox(s.store(), s.clock(), sender);
  const int64_t id = queue_failed(s.store(), "+6281234564321", true, "gateway refused");
  EXPECT_TRUE(outbox.retry(id));
  EXPECT_TRUE(outbox.list("failed").empty());
  ASSERT_EQ(outbox.list("pending").size(), 1u);
  EXPECT_EQ(outbox.list("pending")[0].recipient,
            "+62\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"
            "21");
  EXPECT_FALSE(outbox.retry(id));  // pending now, not failed
  EXPECT_FALSE(outbox.retry(id + 1000));
}

TEST(OutboxService, MaskContact) {
  EXPECT_EQ(mask_contact("budi.s@gmail.com"), "b\u2022\u2022\u2022@g\u2022\u2022\u2022\u2022.com");
  EXPECT_EQ(mask_contact("x@localhost"), "x\u2022\u2022\u2022@\u2022\u2022\u2022");
  EXPECT_EQ(mask_contact("081234"),
            "0\u2022\u2022\u2022"
            "34");
  EXPECT_EQ(mask_contact("12345"), "\u2022\u2022\u2022");
}

}  // namespace
}  // namespace aduan
