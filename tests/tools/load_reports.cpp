// Fills a store with labelled reports as verified ones (tests/support/category_corpus.h), for the
// browser tests of the category suggestion: aduan_load_reports --db FILE --tsv FILE.
#include <cstdio>
#include <exception>
#include <string>

#include "app/app.h"
#include "base/clock.h"
#include "support/category_corpus.h"

int main(int argc, char** argv) {
  std::string db, tsv;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") db = argv[i + 1];
    if (flag == "--tsv") tsv = argv[i + 1];
  }
  if (db.empty() || tsv.empty()) {
    std::fprintf(stderr, "usage: aduan_load_reports --db FILE --tsv FILE\n");
    return 2;
  }
  try {
    const aduan::SystemClock clock;
    aduan::AppOptions options;
    options.db_path = db;
    aduan::App app(options, clock);
    const auto reports = aduan::read_labelled_reports(tsv);
    if (reports.empty()) throw std::runtime_error("no reports in " + tsv);
    std::printf("loaded %zu verified reports\n", aduan::load_verified_reports(app, reports));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aduan_load_reports: %s\n", e.what());
    return 1;
  }
}
