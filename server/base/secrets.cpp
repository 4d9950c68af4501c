#include "base/secrets.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/crypto.h"

namespace aduan {
namespace {

// The subkeys' numbers under one context; never reuse a number for another purpose.
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "aduankey";
enum Subkey : uint64_t { kChain = 1, kState = 2, kPin = 3, kCheck = 4, kContact = 5 };

std::string hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

std::string mac(const std::array<unsigned char, Secrets::kKeyBytes>& key,
                std::string_view message) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), key.data(), key.size());
  return hex(out, sizeof out);
}

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

void write_all(int fd, const std::string& text, const std::string& path) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw KeyFileError(system_error("cannot write the audit key " + path));
    done += static_cast<size_t>(n);
  }
}

// Writes a new key to a temporary file and links it into place: link() fails when `path`
// exists, so a key that is there is never replaced, and a reader never sees half a file.
void create_key_file(const std::string& path) {
  std::filesystem::path target(path);
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  const std::string temporary = path + ".new-" + random_hex(6);
  unsigned char key[Secrets::kKeyBytes];
  randombytes_buf(key, sizeof key);
  std::string text = hex(key, sizeof key) + "\n";
  sodium_memzero(key, sizeof key);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw KeyFileError(system_error("cannot create the audit key " + path));
  try {
    write_all(fd, text, path);
    if (::fsync(fd) != 0) throw KeyFileError(system_error("cannot write the audit key " + path));
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    sodium_memzero(text.data(), text.size());
    throw;
  }
  sodium_memzero(text.data(), text.size());
  ::close(fd);
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int link_error = errno;
  ::unlink(temporary.c_str());
  if (linked != 0 && link_error != EEXIST) {
    errno = link_error;
    throw KeyFileError(system_error("cannot create the audit key " + path));
  }
  // The new name on disk before the store is linked with the key it names.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

}  // namespace

Secrets::Secrets(const Key& key) {
  crypto_kdf_derive_from_key(chain_.data(), chain_.size(), kChain, kContext, key.data());
  crypto_kdf_derive_from_key(state_.data(), state_.size(), kState, kContext, key.data());
  crypto_kdf_derive_from_key(pin_.data(), pin_.size(), kPin, kContext, key.data());
  crypto_kdf_derive_from_key(contact_.data(), contact_.size(), kContact, kContext, key.data());
  Key check{};
  crypto_kdf_derive_from_key(check.data(), check.size(), kCheck, kContext, key.data());
  check_ = mac(check, "aduan audit key check");
  sodium_memzero(check.data(), check.size());
}

Secrets::~Secrets() {
  sodium_memzero(chain_.data(), chain_.size());
  sodium_memzero(state_.data(), state_.size());
  sodium_memzero(pin_.data(), pin_.size());
  sodium_memzero(contact_.data(), contact_.size());
}

Secrets Secrets::from_key(std::string_view key) {
  if (key.size() != kKeyBytes) throw KeyFileError("an audit key has 32 bytes");
  if (!crypto_init()) throw KeyFileError("libsodium cannot start");
  Key k{};
  std::memcpy(k.data(), key.data(), k.size());
  Secrets out(k);
  sodium_memzero(k.data(), k.size());
  return out;
}

Secrets Secrets::load(const std::string& path) {
  if (!crypto_init()) throw KeyFileError("libsodium cannot start");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      throw KeyFileError("the audit key " + path +
                         " does not exist (give its place with --audit-key FILE)");
    }
    throw KeyFileError(system_error("cannot read the audit key " + path));
  }
  char buffer[130];
  size_t size = 0;
  while (size < sizeof buffer) {
    const ssize_t n = ::read(fd, buffer + size, sizeof buffer - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      throw KeyFileError(system_error("cannot read the audit key " + path));
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
  }
  ::close(fd);
  std::string_view text(buffer, size);
  if (text.size() > 2 * kKeyBytes && text.substr(2 * kKeyBytes) == "\n") {
    text.remove_suffix(1);
  } else if (text.size() > 2 * kKeyBytes && text.substr(2 * kKeyBytes) == "\r\n") {
    text.remove_suffix(2);
  }
  Key key{};
  size_t decoded = 0;
  const bool ok = text.size() == 2 * kKeyBytes &&
                  sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr,
                                 &decoded, nullptr) == 0 &&
                  decoded == kKeyBytes;
  sodium_memzero(buffer, sizeof buffer);
  if (!ok) {
    throw KeyFileError("the audit key " + path +
                       " is malformed: it must hold 64 hexadecimal digits and nothing else");
  }
  Secrets out(key);
  sodium_memzero(key.data(), key.size());
  return out;
}

Secrets Secrets::load_or_create(const std::string& path) {
  if (!crypto_init()) throw KeyFileError("libsodium cannot start");
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) throw KeyFileError(system_error("cannot read the audit key " + path));
    create_key_file(path);
  }
  return load(path);
}

std::string Secrets::chain_mac(std::string_view message) const { return mac(chain_, message); }
std::string Secrets::state_mac(std::string_view message) const { return mac(state_, message); }
std::string Secrets::pin_mac(std::string_view message) const { return mac(pin_, message); }
std::string Secrets::contact_mac(std::string_view message) const { return mac(contact_, message); }

}  // namespace aduan
