// Labelled reports for the category suggestion (tests/category/*.tsv: category code, title,
// body; lines starting with # are comments), and a store filled with them as verified
// reports, the way the category model sees real ones.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace aduan {

class App;

struct LabelledReport {
  std::string category;  // its code
  std::string title;
  std::string body;
};

// The reports of a TSV file; an empty list when the file cannot be read.
std::vector<LabelledReport> read_labelled_reports(const std::string& path);

// Files each report as a citizen would (published once verified) and forwards it as the
// coordinator to its category's agency (a category without one: the first agency), which
// verifies it. Returns how many; throws std::runtime_error naming a report the store refused.
size_t load_verified_reports(App& app, const std::vector<LabelledReport>& reports);

}  // namespace aduan
