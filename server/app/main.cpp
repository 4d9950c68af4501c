#include <sqlite3.h>

#include "app/cli.h"

int main(int argc, char** argv) {
  // Before SQLite's first use: without memory statistics (which aduan does not read) each
  // allocation SQLite makes skips a process-wide mutex that every request thread would
  // otherwise queue on.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return aduan::run_command_line(argc, argv);
}
