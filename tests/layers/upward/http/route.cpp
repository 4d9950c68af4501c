// A route that reaches the store: refused.
#include "store/store.h"
