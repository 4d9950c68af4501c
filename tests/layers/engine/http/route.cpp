// The storage engine named above the store: refused.
#include <SQLiteCpp/SQLiteCpp.h>
