#include "support/response_contract.h"

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "support/test_paths.h"
#include "support/test_server.h"

namespace aduan::testing {

std::optional<RecordedAnswer> record_answer(const std::string& route, const httplib::Request& req,
                                            const httplib::Response& res) {
  if (route == "other" || route.find("{path}") != std::string::npos) return std::nullopt;
  RecordedAnswer a;
  a.route = route;
  a.status = res.status;
  a.content_type = res.get_header_value("Content-Type");
  a.streamed = static_cast<bool>(res.content_provider_);
  a.has_body = req.method != "HEAD" && (a.streamed || !res.body.empty());
  // Only JSON and Open311's XML are read: the bodies of files and exports can be large and
  // are not parsed.
  const bool open311_xml = route.find(" /open311/") != std::string::npos &&
                           a.content_type.find("xml") != std::string::npos;
  if (a.has_body && (a.content_type.find("json") != std::string::npos || open311_xml)) {
    a.body = res.body;
  }
  return a;
}

std::vector<std::string> contract_problems(const std::vector<RecordedAnswer>& answers) {
  if (answers.empty()) return {};
  std::random_device rd;
  const auto file =
      std::filesystem::temp_directory_path() / ("aduan-answers-" + std::to_string(rd()) + ".jsonl");
  {
    std::ofstream out(file);
    for (const RecordedAnswer& a : answers) {
      nlohmann::json line{
          {"route", a.route},       {"status", a.status},     {"content_type", a.content_type},
          {"has_body", a.has_body}, {"streamed", a.streamed}, {"body", a.body}};
      // A body that is not UTF-8 reaches the checker with replacement characters, which
      // its JSON parse or schema then refuses.
      out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
  const CommandResult check = run_command(std::string("/usr/bin/python3 ") + ADUAN_CHECK_RESPONSES +
                                          " " + ADUAN_OPENAPI_DOCUMENT + " < " + file.string());
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
  std::vector<std::string> problems;
  if (check.status != 0 && check.status != 1) {
    problems.push_back("the response checker did not run (" + std::to_string(check.status) +
                       "): " + check.output);
    return problems;
  }
  std::istringstream lines(check.output);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) problems.push_back(line);
  }
  if (check.status == 1 && problems.empty()) problems.push_back("the response checker refused");
  return problems;
}

}  // namespace aduan::testing
