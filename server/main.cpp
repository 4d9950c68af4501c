#include "cli.h"

int main(int argc, char** argv) { return aduan::run_command_line(argc, argv); }
