#include "store/attachment_repository.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

AttachmentInfo info_from(Prepared& q, int first) {
  AttachmentInfo a;
  a.position = q.getColumn(first).getInt();
  a.content_type = q.getColumn(first + 1).getString();
  a.size = q.getColumn(first + 2).getInt64();
  a.width = uint32_t(q.getColumn(first + 3).getInt64());
  a.height = uint32_t(q.getColumn(first + 4).getInt64());
  a.event_id = q.getColumn(first + 5).getInt64();  // NULL reads as 0
  return a;
}

constexpr const char* kInfoColumns =
    "a.position, a.content_type, a.size, a.width, a.height, a.event_id";

// The files the reporter may read: their own, and those of entries shown to them.
constexpr const char* kReporterFiles =
    " AND (a.event_id IS NULL OR EXISTS (SELECT 1 FROM report_events e "
    "WHERE e.id = a.event_id AND e.public <> 0))";

void bind_owner(Prepared& q, int index, std::optional<int64_t> owner) {
  if (owner) {
    q.bind(index, *owner);
  } else {
    q.bind(index);  // NULL: `owner_id IS NOT DISTINCT FROM ?` matches the reporters' uploads
  }
}

}  // namespace

void AttachmentRepository::insert_upload(Db& db, const UploadRecord& u, const std::string& client) {
  Prepared q(
      db,
      "INSERT INTO uploads (id, declared_type, size, received, client, created_at, owner_id) "
      "VALUES (?, ?, ?, 0, ?, ?, ?)");
  q.bind(1, u.id);
  q.bind(2, u.declared_type);
  q.bind(3, u.size);
  q.bind(4, client);
  q.bind(5, u.created_at);
  bind_owner(q, 6, u.owner_id);
  q.exec();
}

std::optional<UploadRecord> AttachmentRepository::find_upload(Db& db, const std::string& id) {
  Prepared q(
      db, "SELECT declared_type, size, received, created_at, owner_id FROM uploads WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  UploadRecord out{id, q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                   q.getColumn(2).getInt64(), q.getColumn(3).getInt64()};
  if (!q.getColumn(4).isNull()) out.owner_id = q.getColumn(4).getInt64();
  return out;
}

void AttachmentRepository::append_chunk(Db& db, const std::string& id, int64_t offset,
                                        const std::string& data) {
  Prepared chunk(db, "INSERT INTO upload_chunks (upload_id, \"offset\", data) VALUES (?, ?, ?)");
  chunk.bind(1, id);
  chunk.bind(2, offset);
  chunk.bind(3, data.data(), int(data.size()));
  chunk.exec();
  Prepared received(db, "UPDATE uploads SET received = received + ? WHERE id = ?");
  received.bind(1, int64_t(data.size()));
  received.bind(2, id);
  received.exec();
}

std::string AttachmentRepository::assemble(Db& db, const std::string& id) {
  Prepared q(db, "SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY \"offset\"");
  q.bind(1, id);
  std::string out;
  while (q.executeStep()) {
    const Column c = q.getColumn(0);
    out.append(static_cast<const char*>(c.getBlob()), size_t(c.getBytes()));
  }
  return out;
}

void AttachmentRepository::delete_upload(Db& db, const std::string& id) {
  Prepared chunks(db, "DELETE FROM upload_chunks WHERE upload_id = ?");
  chunks.bind(1, id);
  chunks.exec();
  Prepared upload(db, "DELETE FROM uploads WHERE id = ?");
  upload.bind(1, id);
  upload.exec();
}

int64_t AttachmentRepository::open_upload_bytes(Db& db, const std::string& client, int64_t since) {
  Prepared q(db, "SELECT coalesce(sum(size), 0) FROM uploads WHERE client = ? AND created_at >= ?");
  q.bind(1, client);
  q.bind(2, since);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

void AttachmentRepository::insert_attachment(Db& db, const UploadRecord& upload,
                                             const CleanFile& file, const std::string& digest,
                                             int64_t now) {
  Prepared q(db,
             "INSERT INTO attachments (upload_id, content_type, size, width, height, digest, "
             "data, created_at, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, upload.id);
  q.bind(2, std::string(content_type_of(file.kind)));
  q.bind(3, int64_t(file.bytes.size()));
  q.bind(4, int64_t(file.width));
  q.bind(5, int64_t(file.height));
  q.bind(6, digest);
  q.bind(7, file.bytes.data(), int(file.bytes.size()));
  q.bind(8, now);
  bind_owner(q, 9, upload.owner_id);
  q.exec();
}

std::optional<AttachmentInfo> AttachmentRepository::unclaimed(Db& db, const std::string& upload_id,
                                                              int64_t created_after,
                                                              std::optional<int64_t> owner) {
  Prepared q(db, std::string("SELECT ") + kInfoColumns +
                     " FROM attachments a WHERE a.upload_id = ? AND a.report_id IS NULL "
                     "AND a.created_at > ? AND a.owner_id IS NOT DISTINCT FROM ?");
  q.bind(1, upload_id);
  q.bind(2, created_after);
  bind_owner(q, 3, owner);
  if (!q.executeStep()) return std::nullopt;
  return info_from(q, 0);
}

bool AttachmentRepository::delete_unclaimed(Db& db, const std::string& upload_id,
                                            std::optional<int64_t> owner) {
  Prepared q(db,
             "DELETE FROM attachments WHERE upload_id = ? AND report_id IS NULL "
             "AND owner_id IS NOT DISTINCT FROM ?");
  q.bind(1, upload_id);
  bind_owner(q, 2, owner);
  return q.exec() > 0;
}

bool AttachmentRepository::claim(Db& db, const std::vector<std::string>& upload_ids,
                                 int64_t report_id, int64_t created_after) {
  int position = 0;
  for (const std::string& id : upload_ids) {
    Prepared q(db,
               "UPDATE attachments SET report_id = ?, position = ? "
               "WHERE upload_id = ? AND report_id IS NULL AND created_at > ? AND owner_id IS NULL");
    q.bind(1, report_id);
    q.bind(2, ++position);
    q.bind(3, id);
    q.bind(4, created_after);
    if (q.exec() != 1) return false;
  }
  return true;
}

int AttachmentRepository::last_position(Db& db, int64_t report_id) {
  Prepared last(db, "SELECT coalesce(max(position), 0) FROM attachments WHERE report_id = ?");
  last.bind(1, report_id);
  return last.executeStep() ? last.getColumn(0).getInt() : 0;
}

std::optional<size_t> AttachmentRepository::attach_to_event(
    Db& db, const std::vector<std::string>& upload_ids, int64_t report_id, int64_t event_id,
    int64_t owner, int64_t created_after) {
  int position = last_position(db, report_id);
  for (size_t i = 0; i < upload_ids.size(); ++i) {
    Prepared q(db,
               "UPDATE attachments SET report_id = ?, position = ?, event_id = ? "
               "WHERE upload_id = ? AND report_id IS NULL AND created_at > ? AND owner_id = ?");
    q.bind(1, report_id);
    q.bind(2, ++position);
    q.bind(3, event_id);
    q.bind(4, upload_ids[i]);
    q.bind(5, created_after);
    q.bind(6, owner);
    if (q.exec() != 1) return i;
  }
  return std::nullopt;
}

std::vector<AttachmentInfo> AttachmentRepository::of_report(Db& db, int64_t report_id,
                                                            bool include_internal) {
  Prepared q(db, std::string("SELECT ") + kInfoColumns +
                     " FROM attachments a WHERE a.report_id = ?" +
                     (include_internal ? "" : kReporterFiles) + " ORDER BY a.position");
  q.bind(1, report_id);
  std::vector<AttachmentInfo> out;
  while (q.executeStep()) out.push_back(info_from(q, 0));
  return out;
}

std::optional<AttachmentData> AttachmentRepository::read(Db& db, int64_t report_id, int position,
                                                         bool include_internal) {
  Prepared q(db,
             std::string("SELECT ") + kInfoColumns +
                 ", a.data, a.digest FROM attachments a WHERE a.report_id = ? AND a.position = ?" +
                 (include_internal ? "" : kReporterFiles));
  q.bind(1, report_id);
  q.bind(2, position);
  if (!q.executeStep()) return std::nullopt;
  AttachmentData out;
  out.info = info_from(q, 0);
  const Column data = q.getColumn(6);
  out.bytes.assign(static_cast<const char*>(data.getBlob()), size_t(data.getBytes()));
  out.digest = q.getColumn(7).getString();
  return out;
}

int AttachmentRepository::prune(Db& db, int64_t before) {
  Prepared chunks(db,
                  "DELETE FROM upload_chunks WHERE upload_id IN "
                  "(SELECT id FROM uploads WHERE created_at < ?)");
  chunks.bind(1, before);
  chunks.exec();
  Prepared uploads(db, "DELETE FROM uploads WHERE created_at < ?");
  uploads.bind(1, before);
  int n = uploads.exec();
  Prepared attachments(db, "DELETE FROM attachments WHERE report_id IS NULL AND created_at < ?");
  attachments.bind(1, before);
  n += attachments.exec();
  return n;
}

}  // namespace aduan
