// A fault of the storage, not of the request, as the layers above the store see it: the
// store translates its engine's errors into this (store/store.cpp), so that the HTTP layer
// answers 503 with what is wrong without knowing which engine runs underneath.
#pragma once

#include <stdexcept>
#include <string>

namespace aduan {

class StorageError : public std::runtime_error {
 public:
  enum class Kind {
    kFull,         // the disk is full
    kReadOnly,     // the files may not be written now
    kBusy,         // another writer holds the store
    kUnavailable,  // the store cannot be read or opened (I/O error, corruption)
    kOther,        // anything else the engine refused: a bug, not a fault of the disk
  };

  StorageError(Kind kind, int engine_code, const std::string& what)
      : std::runtime_error(what), kind_(kind), engine_code_(engine_code) {}

  Kind kind() const { return kind_; }
  // The engine's own code, for the operator's log only.
  int engine_code() const { return engine_code_; }

 private:
  Kind kind_;
  int engine_code_;
};

}  // namespace aduan
