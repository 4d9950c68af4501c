// Tracking IDs: nine characters from a 31-symbol alphabet without 0/O or 1/I/L, the last a
// check character. Weighted sum modulo 31 (a prime) with distinct weights, so every single
// wrong character and every swap of two adjacent characters changes the sum and is caught.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aduan {

inline constexpr std::string_view kTrackingAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr int kTrackingPayloadLength = 8;
inline constexpr int kTrackingIdLength = kTrackingPayloadLength + 1;

enum class TrackingIdError : uint8_t {
  kNone,
  kEmpty,
  kBadLength,
  kBadCharacter,
  kBadCheckCharacter,
};

struct ParsedTrackingId {
  TrackingIdError error = TrackingIdError::kNone;
  std::string canonical;  // nine upper-case symbols, set only when error == kNone
  bool ok() const { return error == TrackingIdError::kNone; }
};

// Makes a canonical ID from a random number supplied by the caller (the core has no
// randomness of its own). Different values below 31^8 give different IDs.
std::string make_tracking_id(uint64_t random);

// Reads what a person typed: ignores spaces and dashes, accepts lower case.
ParsedTrackingId parse_tracking_id(std::string_view typed);

// "K7M2QX9PA" -> "K7M-2QX-9PA", the form shown to people.
std::string format_tracking_id(std::string_view canonical);

std::string_view to_string(TrackingIdError e);

}  // namespace aduan
