#include "app/cli.h"
#include "store/store.h"

int main(int argc, char** argv) {
  aduan::configure_storage_engine();  // before the engine's first use
  return aduan::run_command_line(argc, argv);
}
