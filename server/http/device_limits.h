// Submission limits that do not punish a shared address. Whole neighbourhoods reach aduan
// from one address (carrier-grade NAT), so one address's count cannot be the only limit: a
// browser asks once for a device key, keeps it, and sends it with its submissions; a key
// has its own small limit, and the address keeps a larger ceiling over everything it sends.
// Keys are signed by the server, so that a client cannot make up its own, and one address
// may be given only so many an hour, so that minting keys cannot lift it past its ceiling.
// The arithmetic is in docs/security.md, "Submission limits".
//
// A key names a browser, not a person, and is never stored: it lives in the limiters'
// memory for its window and is forgotten.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "http/address_limiter.h"

namespace aduan {

class Secrets;

struct DeviceRules {
  AddressLimit per_device{10, 3600};    // reports one device key may send an hour
  AddressLimit per_address{300, 3600};  // reports one address may send an hour, keys or not
  AddressLimit new_keys{60, 3600};      // device keys one address may be given an hour
};

class DeviceLimits {
 public:
  // `keyless`: the limit of submissions without a valid key (--limit-submit), counted per
  // address as before device keys existed. `secrets` must outlive this object.
  DeviceLimits(const DeviceRules& rules, AddressLimiter& keyless, const Secrets& secrets,
               size_t capacity = AddressLimiter::kDefaultCapacity);

  // A new key for a browser at `address`; empty with `*wait` set when the address was given
  // its share of keys this hour.
  std::string issue(const std::string& address, int64_t now, int64_t* wait);

  // Whether `key` is one this deployment issued.
  bool valid(std::string_view key) const;

  // 0 when a submission from `address` with `key` (empty or invalid: none) may go, and is
  // counted; otherwise the seconds until it may. A submission the address's ceiling refuses
  // still counts against its key: the key's owner is the one sending too much.
  int64_t take(std::string_view key, const std::string& address, int64_t now);

  const AddressLimiter& devices() const { return per_device_; }

 private:
  std::string mac(std::string_view nonce) const;

  AddressLimiter& keyless_;
  const Secrets& secrets_;
  AddressLimiter per_device_;
  AddressLimiter per_address_;
  AddressLimiter new_keys_;
};

}  // namespace aduan
