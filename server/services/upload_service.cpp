#include "services/upload_service.h"

#include "base/crypto.h"
#include "store/attachment_repository.h"
#include "store/db.h"

namespace aduan {
namespace {

using Result = UploadOutcome::Result;

UploadOutcome with(Result r) {
  UploadOutcome out;
  out.result = r;
  return out;
}

UploadOutcome finished(const std::string& id, const AttachmentInfo& info) {
  UploadOutcome out;
  out.id = id;
  out.size = out.received = info.size;
  out.attachment = info;
  return out;
}

}  // namespace

UploadService::UploadService(Store& store, const Clock& clock, UploadRules rules)
    : store_(store), clock_(clock), rules_(rules) {}

int64_t UploadService::oldest_alive() const { return clock_.now_unix() - kUploadLifetimeSeconds; }

UploadOutcome UploadService::start(const std::string& declared_type, int64_t size,
                                   const std::string& client, std::optional<int64_t> owner) {
  if (auto code = check_attachment(declared_type, size < 0 ? 0 : size_t(size))) {
    UploadOutcome out = with(Result::kInvalid);
    out.errors.push_back({code == FieldCode::kUnsupportedType ? "content_type" : "size", *code});
    return out;
  }
  const int64_t now = clock_.now_unix();
  UploadRecord u{random_hex(16), declared_type, size, 0, now, owner};
  bool over = false;
  store_.write([&](Db& db) {
    over = AttachmentRepository::open_upload_bytes(db, client, now - 3600) + size >
           rules_.bytes_per_client_hour;
    if (!over) AttachmentRepository::insert_upload(db, u, client);
  });
  if (over) {
    UploadOutcome out = with(Result::kRateLimited);
    out.retry_after = 3600;
    return out;
  }
  UploadOutcome out;
  out.id = u.id;
  out.size = size;
  return out;
}

UploadOutcome UploadService::finish(Db& db, const UploadRecord& upload) {
  const std::string bytes = AttachmentRepository::assemble(db, upload.id);
  AttachmentRepository::delete_upload(db, upload.id);
  Inspected inspected = inspect_attachment(bytes);
  if (inspected.file && inspected.file->bytes.size() > max_bytes(inspected.file->kind)) {
    return with(Result::kTooLarge);  // announced as a PDF, but a photo over a photo's limit
  }
  if (!inspected.file) {
    UploadOutcome out = with(Result::kRejected);
    out.problem = inspected.problem;
    return out;
  }
  const CleanFile& file = *inspected.file;
  AttachmentRepository::insert_attachment(db, upload, file, digest_hex(file.bytes),
                                          clock_.now_unix());
  return finished(upload.id, AttachmentInfo{0, std::string(content_type_of(file.kind)),
                                            int64_t(file.bytes.size()), file.width, file.height});
}

UploadOutcome UploadService::append(const std::string& id, int64_t offset, const std::string& bytes,
                                    std::optional<int64_t> owner) {
  if (!valid_upload_id(id)) return with(Result::kNotFound);
  UploadOutcome out;
  store_.write([&](Db& db) {
    auto upload = AttachmentRepository::find_upload(db, id);
    if (upload && upload->owner_id != owner) upload.reset();  // another's: as if not there
    if (!upload || upload->created_at < oldest_alive()) {
      // The answer to the last chunk may have been lost: say again that it is finished.
      const auto done = AttachmentRepository::unclaimed(db, id, oldest_alive(), owner);
      out = done ? finished(id, *done) : with(Result::kNotFound);
      return;
    }
    out.id = id;
    out.size = upload->size;
    out.received = upload->received;
    if (offset != upload->received) {
      out.result = Result::kOffsetMismatch;
      return;
    }
    if (bytes.empty() || int64_t(bytes.size()) > upload->size - upload->received) {
      out.result = Result::kTooLarge;
      return;
    }
    AttachmentRepository::append_chunk(db, id, offset, bytes);
    out.received += int64_t(bytes.size());
    if (out.received == upload->size) {
      UploadRecord complete = *upload;
      complete.received = out.received;
      out = finish(db, complete);
      out.id = id;
    }
  });
  return out;
}

UploadOutcome UploadService::status(const std::string& id, std::optional<int64_t> owner) {
  if (!valid_upload_id(id)) return with(Result::kNotFound);
  UploadOutcome out = with(Result::kNotFound);
  store_.read([&](Db& db) {
    if (const auto upload = AttachmentRepository::find_upload(db, id);
        upload && upload->owner_id == owner && upload->created_at >= oldest_alive()) {
      out = UploadOutcome{};
      out.id = id;
      out.size = upload->size;
      out.received = upload->received;
    } else if (const auto done = AttachmentRepository::unclaimed(db, id, oldest_alive(), owner)) {
      out = finished(id, *done);
    }
  });
  return out;
}

bool UploadService::cancel(const std::string& id, std::optional<int64_t> owner) {
  if (!valid_upload_id(id)) return false;
  bool found = false;
  store_.write([&](Db& db) {
    const auto upload = AttachmentRepository::find_upload(db, id);
    found = upload && upload->owner_id == owner;
    if (found) AttachmentRepository::delete_upload(db, id);
    found = AttachmentRepository::delete_unclaimed(db, id, owner) || found;
  });
  return found;
}

}  // namespace aduan
