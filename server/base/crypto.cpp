#include "base/crypto.h"

#include <sodium.h>

#include <atomic>
#include <semaphore>
#include <stdexcept>

namespace aduan {
namespace {

std::counting_semaphore<2>& hash_slots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

std::atomic<bool> lowest_cost{false};

struct Slot {
  Slot() { hash_slots().acquire(); }
  ~Slot() { hash_slots().release(); }
};

std::string to_hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

bool crypto_init() { return sodium_init() >= 0; }

std::string hash_password(std::string_view password) {
  Slot slot;
  const bool lowest = lowest_cost.load();
  const auto ops = lowest ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const auto memory = lowest ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), ops, memory) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

void lower_password_cost_for_tests() { lowest_cost = true; }

bool verify_password(std::string_view hash, std::string_view password) {
  Slot slot;
  const std::string h(hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string random_hex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

uint32_t random_below(uint32_t bound) { return randombytes_uniform(bound); }

std::string digest_hex(std::string_view data) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

namespace {

// A key of its own for sealing, so that the digest stored beside the box (digest_hex of the
// same secret) says nothing about it.
void sealing_key(std::string_view secret, unsigned char* key) {
  static constexpr char kContext[] = "aduan seal v1";
  crypto_generichash(key, crypto_secretbox_KEYBYTES,
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                     reinterpret_cast<const unsigned char*>(kContext), sizeof kContext - 1);
}

}  // namespace

std::string seal_with_secret(std::string_view secret, std::string_view plaintext) {
  unsigned char key[crypto_secretbox_KEYBYTES];
  sealing_key(secret, key);
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, key);
  sodium_memzero(key, sizeof key);
  return out;
}

std::optional<std::string> open_with_secret(std::string_view secret, std::string_view sealed) {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  unsigned char key[crypto_secretbox_KEYBYTES];
  sealing_key(secret, key);
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  const size_t box = sealed.size() - crypto_secretbox_NONCEBYTES;
  std::string out(box - crypto_secretbox_MACBYTES, '\0');
  const int failed =
      crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, box, nonce, key);
  sodium_memzero(key, sizeof key);
  if (failed) return std::nullopt;
  return out;
}

bool equal_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace aduan
