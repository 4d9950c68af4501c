// Answers of the HTTP tests held to the OpenAPI document (server/data/openapi.json) by
// tests/tools/check_responses.py: a status the operation lists, a media type that status
// lists, and a JSON body that matches its schema with every object closed.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace aduan::testing {

struct RecordedAnswer {
  std::string route;  // "GET /api/v1/reports/{tracking_id}", as the metrics name it
  int status = 0;
  std::string content_type;
  bool has_body = false;
  bool streamed = false;  // written by a content provider: the body is not at hand
  std::string body;       // JSON bodies only: the others are not read
  auto operator<=>(const RecordedAnswer&) const = default;
};

// What of an answer the check needs, or nothing for an answer that is no operation's (static
// files and unknown paths, "other", and a prefix's fallback).
std::optional<RecordedAnswer> record_answer(const std::string& route, const httplib::Request& req,
                                            const httplib::Response& res);

// One line per problem ("GET /api/v1/reports/{tracking_id} 200 application/json /title: 5 is
// not of type 'string'"), empty when every answer keeps to the document. All answers go to one
// run of the checker: a Python start costs a tenth of a second, a test sends hundreds.
std::vector<std::string> contract_problems(const std::vector<RecordedAnswer>& answers);

}  // namespace aduan::testing
