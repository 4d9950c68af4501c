// A use case that includes the store's own view of the engine (a Db as a SQLite connection,
// prepared statements): refused; store/db.h is what the layers above use.
#include "store/prepared.h"
