// Saved queue views without HTTP: each user's own, bounded, and never a reporter's contact.
#include "services/saved_view_service.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "store/sqlite_db.h"
#include "store/user_repository.h"
#include "support/service_store.h"

namespace aduan {
namespace {

int64_t add_coordinator(ServiceStore& s, const std::string& username) {
  int64_t id = 0;
  s.store().write([&](Db& db) {
    User u;
    u.username = username;
    u.display_name = username;
    u.role = Role::kCoordinator;
    u.password_hash = "-";
    id = UserRepository::insert(db, u, ServiceStore::kNow);
  });
  return id;
}

TEST(SavedViewService, AViewIsTheUsersOwnAndKeepsNoReportersContact) {
  ServiceStore s;
  SavedViewService views(s.store(), s.clock());
  const int64_t ani = add_coordinator(s, "ani"), budi = add_coordinator(s, "budi");
  const SaveViewOutcome saved = views.save(ani, "Terlambat", "status=forwarded&overdue=1", "");
  ASSERT_EQ(saved.result, SaveViewOutcome::Result::kSaved);
  ASSERT_TRUE(saved.view);
  EXPECT_EQ(views.list(ani).size(), 1u);
  EXPECT_TRUE(views.list(budi).empty());
  EXPECT_FALSE(views.remove(budi, saved.view->id));  // another user's view
  EXPECT_EQ(views.list(ani).size(), 1u);

  for (const char* contact : {"081234567890", "budi@example.id"}) {
    const SaveViewOutcome out = views.save(ani, "Pelapor", std::string("q=") + contact, contact);
    EXPECT_EQ(out.result, SaveViewOutcome::Result::kKeepsContact) << contact;
  }
  EXPECT_EQ(views.save(ani, "Kata", "q=jalan+rusak", "jalan rusak").result,
            SaveViewOutcome::Result::kSaved);
  EXPECT_TRUE(views.remove(ani, saved.view->id));
  EXPECT_EQ(views.list(ani).size(), 1u);
}

TEST(SavedViewService, AUserHasAtMostTheLimit) {
  ServiceStore s;
  SavedViewService views(s.store(), s.clock());
  const int64_t citra = add_coordinator(s, "citra");
  for (int i = 0; i < kMaxSavedViews; ++i) {
    ASSERT_EQ(views.save(citra, "v" + std::to_string(i), "sort=oldest", "").result,
              SaveViewOutcome::Result::kSaved);
  }
  EXPECT_EQ(views.save(citra, "one more", "sort=oldest", "").result,
            SaveViewOutcome::Result::kFull);
}

}  // namespace
}  // namespace aduan
