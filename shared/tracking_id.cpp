#include "shared/tracking_id.h"

namespace aduan {
namespace {

constexpr int kBase = 31;
// The multiplicative inverse of the check character's weight (9) modulo 31: 9 * 7 = 63 = 2*31 + 1.
constexpr int kInverseOfCheckWeight = 7;
static_assert(kTrackingIdLength * kInverseOfCheckWeight % kBase == 1);

int symbol_value(char c) {
  if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  const size_t pos = kTrackingAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : int(pos);
}

// Sum of (position + 1) * value over the payload.
int weighted_sum(std::string_view payload) {
  int sum = 0;
  for (size_t i = 0; i < payload.size(); ++i) {
    sum = (sum + int(i + 1) * symbol_value(payload[i])) % kBase;
  }
  return sum;
}

}  // namespace

std::string make_tracking_id(uint64_t random) {
  std::string id(kTrackingIdLength, '2');
  for (int i = kTrackingPayloadLength - 1; i >= 0; --i) {
    id[i] = kTrackingAlphabet[random % kBase];
    random /= kBase;
  }
  // Choose the check value c so that sum + 9c == 0 (mod 31).
  const int check = (kBase - weighted_sum(std::string_view(id).substr(0, kTrackingPayloadLength))) *
                    kInverseOfCheckWeight % kBase;
  id[kTrackingPayloadLength] = kTrackingAlphabet[check];
  return id;
}

ParsedTrackingId parse_tracking_id(std::string_view typed) {
  ParsedTrackingId out;
  std::string id;
  bool bad_character = false;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    const int v = symbol_value(c);
    if (v < 0) {
      bad_character = true;
      id.push_back(c);
    } else {
      id.push_back(kTrackingAlphabet[v]);
    }
  }
  if (id.empty()) {
    out.error = TrackingIdError::kEmpty;
  } else if (bad_character) {
    out.error = TrackingIdError::kBadCharacter;
  } else if (id.size() != kTrackingIdLength) {
    out.error = TrackingIdError::kBadLength;
  } else if (weighted_sum(id) != 0) {
    out.error = TrackingIdError::kBadCheckCharacter;
  } else {
    out.canonical = std::move(id);
  }
  return out;
}

std::string format_tracking_id(std::string_view canonical) {
  std::string out;
  for (size_t i = 0; i < canonical.size(); ++i) {
    if (i > 0 && i % 3 == 0) out.push_back('-');
    out.push_back(canonical[i]);
  }
  return out;
}

std::string_view to_string(TrackingIdError e) {
  switch (e) {
    case TrackingIdError::kNone:
      return "ok";
    case TrackingIdError::kEmpty:
      return "empty";
    case TrackingIdError::kBadLength:
      return "bad_length";
    case TrackingIdError::kBadCharacter:
      return "bad_character";
    case TrackingIdError::kBadCheckCharacter:
      return "bad_check_character";
  }
  return "ok";
}

}  // namespace aduan
