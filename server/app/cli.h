// The command line: `aduan serve|demo|migrate|--help|--version`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aduan {

struct CommandLine {
  std::string command;                         // "serve", "demo", "migrate", "help", "version"
  std::map<std::string, std::string> options;  // "--db" -> "aduan.db"
  std::string error;                           // non-empty: the arguments could not be read
};

// Reads `aduan COMMAND [--name value]...`; every option takes a value.
CommandLine parse_command_line(const std::vector<std::string>& args);

int run_command_line(int argc, char** argv);

// Minutes east of UTC for "WIB", "WITA", "WIT" or "+07:00"; nullopt for anything else.
std::optional<int> parse_time_zone(const std::string& tz);

}  // namespace aduan
