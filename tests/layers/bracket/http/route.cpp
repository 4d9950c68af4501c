// A server header in angle brackets: refused.
#include <store/report_repository.h>
