#include "http/device_limits.h"

#include "base/crypto.h"
#include "base/secrets.h"

namespace aduan {
namespace {

// "dk1_" + 32 hex digits of randomness + "_" + the first 32 hex digits of their keyed
// digest: 69 characters, letters, digits and '_' only, safe in a header.
constexpr std::string_view kPrefix = "dk1_";
constexpr size_t kNonceHex = 32;
constexpr size_t kMacHex = 32;

bool is_hex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

DeviceLimits::DeviceLimits(const DeviceRules& rules, AddressLimiter& keyless,
                           const Secrets& secrets, size_t capacity)
    : keyless_(keyless),
      secrets_(secrets),
      per_device_(rules.per_device, capacity),
      per_address_(rules.per_address, capacity),
      new_keys_(rules.new_keys, capacity) {}

// Under the PIN subkey with a prefix of its own, as the outbox's seal is: no PIN digest
// starts with "device key:", so no value made for one purpose passes for the other.
std::string DeviceLimits::mac(std::string_view nonce) const {
  return secrets_.pin_mac("device key:" + std::string(nonce)).substr(0, kMacHex);
}

std::string DeviceLimits::issue(const std::string& address, int64_t now, int64_t* wait) {
  *wait = new_keys_.take(address, now);
  if (*wait > 0) return "";
  const std::string nonce = random_hex(kNonceHex / 2);
  return std::string(kPrefix) + nonce + "_" + mac(nonce);
}

bool DeviceLimits::valid(std::string_view key) const {
  if (key.size() != kPrefix.size() + kNonceHex + 1 + kMacHex) return false;
  if (key.substr(0, kPrefix.size()) != kPrefix) return false;
  const std::string_view nonce = key.substr(kPrefix.size(), kNonceHex);
  const std::string_view given = key.substr(kPrefix.size() + kNonceHex + 1);
  if (key[kPrefix.size() + kNonceHex] != '_' || !is_hex(nonce) || !is_hex(given)) return false;
  return equal_secret(mac(nonce), given);
}

int64_t DeviceLimits::take(std::string_view key, const std::string& address, int64_t now) {
  if (valid(key)) {
    if (const int64_t wait = per_device_.take(std::string(key), now)) return wait;
  } else if (const int64_t wait = keyless_.take(address, now)) {
    return wait;
  }
  return per_address_.take(address, now);
}

}  // namespace aduan
