// A header without its folder: refused.
#include "store.h"
