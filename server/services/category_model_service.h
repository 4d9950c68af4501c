// The category model the pages download: trained on the newest published reports
// (PublicRepository::training_reports), kept as its JSON with an ETag, and trained again
// when it is older than kCategoryModelMaxAge. Training reads a bounded number of reports,
// so its cost does not grow with the store.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace aduan {

class Clock;
class Store;

// Enough reports for every category to show its words, few enough to train in well under
// a second.
inline constexpr int kCategoryModelReports = 20000;
inline constexpr int64_t kCategoryModelMaxAge = 15 * 60;  // seconds

struct ServedCategoryModel {
  std::string json;
  std::string etag;  // quoted, as the header carries it
  int64_t built_at = 0;
  size_t categories = 0;
};

class CategoryModelService {
 public:
  CategoryModelService(Store& store, const Clock& clock);

  // The current model; trains it first when there is none or it is too old. While one
  // request trains, the others get the previous model rather than waiting.
  std::shared_ptr<const ServedCategoryModel> current();

 private:
  std::shared_ptr<const ServedCategoryModel> train();

  Store& store_;
  const Clock& clock_;
  std::mutex training_;  // one training at a time
  std::mutex mutex_;     // guards model_
  std::shared_ptr<const ServedCategoryModel> model_;
};

}  // namespace aduan
