// Secrets: password hashes (Argon2id), session and CSRF tokens, citizen PINs. libsodium
// does the work; this file keeps its use in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aduan {

// Initialises libsodium; safe to call more than once. Returns false if it cannot run.
bool crypto_init();

// Argon2id at libsodium's "interactive" limits (about 50 ms and 64 MiB here). At most two
// run at once, so a burst of logins cannot exhaust memory. A hash carries its own limits, so
// verify_password checks any hash whatever the limits of the process that reads it.
std::string hash_password(std::string_view password);

// From now on, this process hashes new passwords at libsodium's lowest limits. Only the
// test harness calls it (tests/support/test_server.cpp): the in-process HTTP suite starts a
// server with six demo accounts in each of its hundreds of tests, and at the interactive
// limits those hashes were most of the suite's time. The aduan binary never calls it.
void lower_password_cost_for_tests();
bool verify_password(std::string_view hash, std::string_view password);

// `bytes` random bytes as lowercase hex.
std::string random_hex(size_t bytes);

// A random number below `bound` with no modulo bias.
uint32_t random_below(uint32_t bound);

// A one-way digest (BLAKE2b-256, hex) for storing tokens and PINs.
std::string digest_hex(std::string_view data);

// Encrypts `plaintext` with a key derived from `secret` (XSalsa20-Poly1305 with a random
// nonce), and opens it again; nullopt when the secret is wrong or the box was altered.
std::string seal_with_secret(std::string_view secret, std::string_view plaintext);
std::optional<std::string> open_with_secret(std::string_view secret, std::string_view sealed);

// Constant-time comparison of two strings.
bool equal_secret(std::string_view a, std::string_view b);

}  // namespace aduan
