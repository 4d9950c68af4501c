// A use case that reaches for SQLite itself instead of a repository: refused.
#include <SQLiteCpp/SQLiteCpp.h>
