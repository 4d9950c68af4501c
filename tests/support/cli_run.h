// The real `aduan` binary run as an operator would at the server's shell, its output and
// exit code caught, for the tests of the command line (ADUAN_BIN names the binary).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_paths.h"

namespace aduan::testing {

struct CliRun {
  int code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `ADUAN_BIN args...` with `input` on its standard input (not a terminal), the output
// caught in files under `dir`.
inline CliRun aduan(const std::filesystem::path& dir, const std::vector<std::string>& args,
                    const std::string& input = "") {
  std::string command = ADUAN_BIN;
  for (const std::string& a : args) command += " '" + a + "'";
  const std::filesystem::path in = dir / "cli.in", out = dir / "cli.out", err = dir / "cli.err";
  std::ofstream(in, std::ios::binary) << input;
  command += " < '" + in.string() + "' > '" + out.string() + "' 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  CliRun run;
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

}  // namespace aduan::testing
