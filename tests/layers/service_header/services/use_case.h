// A service whose header shows a repository: a route including it would see the store.
#pragma once

#include "store/report_repository.h"
