// The deployment's secret key, kept in a file of its own beside the database and never in
// it: the audit chain's links and the citizens' PIN digests are keyed with it, so that a
// copy of the database (a stolen backup, a curious administrator with the file) can neither
// rewrite the record unnoticed nor try every 8-digit PIN. See docs/operations.md, "The audit
// key".
#pragma once

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aduan {

// A key file that cannot be used; the message tells the operator what to do.
struct KeyFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Secrets {
 public:
  static constexpr size_t kKeyBytes = 32;

  // Reads the key file at `path`: 64 hexadecimal digits (an optional line end after them).
  // Throws KeyFileError when it is missing, unreadable or malformed.
  static Secrets load(const std::string& path);

  // The same, but when there is no file at `path` a new key (32 random bytes) is written
  // there first, mode 0600, atomically: a file is either whole or absent, and of two
  // processes starting at once one creates it and both read the same key.
  static Secrets load_or_create(const std::string& path);

  // From the key itself (kKeyBytes bytes); for tests.
  static Secrets from_key(std::string_view key);

  ~Secrets();  // the subkeys wiped
  Secrets(const Secrets&) = default;
  Secrets& operator=(const Secrets&) = default;

  // Keyed digests (BLAKE2b-256, hex), each under a subkey of its own derived from the key, so
  // that no value made for one purpose is valid for another.
  std::string chain_mac(std::string_view message) const;  // an audit chain link
  std::string state_mac(std::string_view message) const;  // a report's state after an event
  std::string pin_mac(std::string_view message) const;    // a citizen PIN's digest
  // A citizen's contact as the key of their linked reports, and what derives from it.
  std::string contact_mac(std::string_view message) const;

  // Names the key without revealing it: the store keeps it, so that starting with a key
  // other than the one its chain was linked with is refused instead of breaking every link.
  const std::string& check() const { return check_; }

 private:
  using Key = std::array<unsigned char, kKeyBytes>;
  explicit Secrets(const Key& key);

  Key chain_{}, state_{}, pin_{}, contact_{};
  std::string check_;
};

}  // namespace aduan
