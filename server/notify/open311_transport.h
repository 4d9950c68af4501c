// The outbox's "open311" channel: delivers a report forwarded to an external agency by
// posting it to that agency's Open311 endpoint, and keeps the remote request's ID (or token)
// so that ExternalPoller can follow it.
#pragma once

#include <memory>

#include "base/clock.h"
#include "notify/transports.h"
#include "store/store.h"

namespace aduan {

std::unique_ptr<Transport> make_open311_transport(Store& store, const Clock& clock);

}  // namespace aduan
