#include "services/category_model_service.h"

#include "base/clock.h"
#include "formats/category_model_json.h"
#include "shared/category_model.h"
#include "store/db.h"
#include "store/public_repository.h"
#include "store/store.h"

namespace aduan {
namespace {

// FNV-1a, 64 bit, of the JSON: the model's version for If-None-Match.
std::string etag_of(const std::string& data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"cm-";
  for (int i = 60; i >= 0; i -= 4) out.push_back(kHex[(h >> i) & 0xF]);
  return out + "\"";
}

}  // namespace

CategoryModelService::CategoryModelService(Store& store, const Clock& clock)
    : store_(store), clock_(clock) {}

std::shared_ptr<const ServedCategoryModel> CategoryModelService::current() {
  std::shared_ptr<const ServedCategoryModel> now;
  {
    std::lock_guard lock(mutex_);
    now = model_;
  }
  if (now && clock_.now_unix() - now->built_at < kCategoryModelMaxAge) return now;
  std::unique_lock lock(training_, std::defer_lock);
  if (now && !lock.try_lock()) return now;  // another request is training
  if (!now) lock.lock();
  {
    std::lock_guard guard(mutex_);  // trained meanwhile by the request we waited for
    if (model_ && clock_.now_unix() - model_->built_at < kCategoryModelMaxAge) return model_;
  }
  auto fresh = train();
  std::lock_guard guard(mutex_);
  model_ = fresh;
  return fresh;
}

std::shared_ptr<const ServedCategoryModel> CategoryModelService::train() {
  std::vector<TrainingReport> reports;
  store_.read(
      [&](Db& db) { reports = PublicRepository::training_reports(db, kCategoryModelReports); });
  const CategoryModelOptions options;
  const CategoryModel model = build_category_model(reports, options);
  auto out = std::make_shared<ServedCategoryModel>();
  out->json = category_model_json(model, options.min_documents);
  out->etag = etag_of(out->json);
  out->built_at = clock_.now_unix();
  out->categories = model.categories.size();
  return out;
}

}  // namespace aduan
