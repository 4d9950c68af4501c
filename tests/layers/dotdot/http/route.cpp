// Around the check through "..": refused.
#include "http/../store/store.h"
#include "shared/../server/store/prepared.h"
