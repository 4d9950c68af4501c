#include "model/synonyms.h"

#include "base/embedded.h"

namespace aduan {

const Thesaurus& synonyms() {
  static const Thesaurus thesaurus = Thesaurus::from_mythes(embedded_data_file("thesaurus-id.dat"));
  return thesaurus;
}

}  // namespace aduan
