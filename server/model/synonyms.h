// The thesaurus the matcher of repeated reports reads (shared/thesaurus.h): the Tesaurus
// Bahasa Indonesia embedded at build time (server/CMakeLists.txt, "thesaurus-id.dat").
#pragma once

#include "shared/thesaurus.h"

namespace aduan {

// Read from the embedded file on first use and kept for the life of the process: the first
// request for similar reports after a start waits for it (0.2 s in a release build), and a
// process that never matches reports (a command, most tests) never pays it.
const Thesaurus& synonyms();

}  // namespace aduan
