#include "attachment_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "prepared.h"

namespace aduan {
namespace {

AttachmentInfo info_from(Prepared& q, int first) {
  AttachmentInfo a;
  a.position = q.getColumn(first).getInt();
  a.content_type = q.getColumn(first + 1).getString();
  a.size = q.getColumn(first + 2).getInt64();
  a.width = uint32_t(q.getColumn(first + 3).getInt64());
  a.height = uint32_t(q.getColumn(first + 4).getInt64());
  return a;
}

constexpr const char* kInfoColumns = "position, content_type, size, width, height";

}  // namespace

void AttachmentRepository::insert_upload(SQLite::Database& db, const UploadRecord& u,
                                         const std::string& client) {
  Prepared q(db,
             "INSERT INTO uploads (id, declared_type, size, received, client, created_at) "
             "VALUES (?, ?, ?, 0, ?, ?)");
  q.bind(1, u.id);
  q.bind(2, u.declared_type);
  q.bind(3, u.size);
  q.bind(4, client);
  q.bind(5, u.created_at);
  q.exec();
}

std::optional<UploadRecord> AttachmentRepository::find_upload(SQLite::Database& db,
                                                              const std::string& id) {
  Prepared q(db, "SELECT declared_type, size, received, created_at FROM uploads WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return UploadRecord{id, q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                      q.getColumn(2).getInt64(), q.getColumn(3).getInt64()};
}

void AttachmentRepository::append_chunk(SQLite::Database& db, const std::string& id, int64_t offset,
                                        const std::string& data) {
  Prepared chunk(db, "INSERT INTO upload_chunks (upload_id, offset, data) VALUES (?, ?, ?)");
  chunk.bind(1, id);
  chunk.bind(2, offset);
  chunk.bind(3, data.data(), int(data.size()));
  chunk.exec();
  Prepared received(db, "UPDATE uploads SET received = received + ? WHERE id = ?");
  received.bind(1, int64_t(data.size()));
  received.bind(2, id);
  received.exec();
}

std::string AttachmentRepository::assemble(SQLite::Database& db, const std::string& id) {
  Prepared q(db, "SELECT data FROM upload_chunks WHERE upload_id = ? ORDER BY offset");
  q.bind(1, id);
  std::string out;
  while (q.executeStep()) {
    const SQLite::Column c = q.getColumn(0);
    out.append(static_cast<const char*>(c.getBlob()), size_t(c.getBytes()));
  }
  return out;
}

void AttachmentRepository::delete_upload(SQLite::Database& db, const std::string& id) {
  Prepared chunks(db, "DELETE FROM upload_chunks WHERE upload_id = ?");
  chunks.bind(1, id);
  chunks.exec();
  Prepared upload(db, "DELETE FROM uploads WHERE id = ?");
  upload.bind(1, id);
  upload.exec();
}

int64_t AttachmentRepository::open_upload_bytes(SQLite::Database& db, const std::string& client,
                                                int64_t since) {
  Prepared q(db, "SELECT coalesce(sum(size), 0) FROM uploads WHERE client = ? AND created_at >= ?");
  q.bind(1, client);
  q.bind(2, since);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

void AttachmentRepository::insert_attachment(SQLite::Database& db, const std::string& upload_id,
                                             const CleanFile& file, const std::string& digest,
                                             int64_t now) {
  Prepared q(db,
             "INSERT INTO attachments (upload_id, content_type, size, width, height, digest, "
             "data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, upload_id);
  q.bind(2, std::string(content_type_of(file.kind)));
  q.bind(3, int64_t(file.bytes.size()));
  q.bind(4, int64_t(file.width));
  q.bind(5, int64_t(file.height));
  q.bind(6, digest);
  q.bind(7, file.bytes.data(), int(file.bytes.size()));
  q.bind(8, now);
  q.exec();
}

std::optional<AttachmentInfo> AttachmentRepository::unclaimed(SQLite::Database& db,
                                                              const std::string& upload_id,
                                                              int64_t created_after) {
  Prepared q(db, std::string("SELECT ") + kInfoColumns +
                     " FROM attachments WHERE upload_id = ? AND report_id IS NULL "
                     "AND created_at > ?");
  q.bind(1, upload_id);
  q.bind(2, created_after);
  if (!q.executeStep()) return std::nullopt;
  return info_from(q, 0);
}

bool AttachmentRepository::delete_unclaimed(SQLite::Database& db, const std::string& upload_id) {
  Prepared q(db, "DELETE FROM attachments WHERE upload_id = ? AND report_id IS NULL");
  q.bind(1, upload_id);
  return q.exec() > 0;
}

bool AttachmentRepository::claim(SQLite::Database& db, const std::vector<std::string>& upload_ids,
                                 int64_t report_id, int64_t created_after) {
  int position = 0;
  for (const std::string& id : upload_ids) {
    Prepared q(db,
               "UPDATE attachments SET report_id = ?, position = ? "
               "WHERE upload_id = ? AND report_id IS NULL AND created_at > ?");
    q.bind(1, report_id);
    q.bind(2, ++position);
    q.bind(3, id);
    q.bind(4, created_after);
    if (q.exec() != 1) return false;
  }
  return true;
}

std::vector<AttachmentInfo> AttachmentRepository::of_report(SQLite::Database& db,
                                                            int64_t report_id) {
  Prepared q(db, std::string("SELECT ") + kInfoColumns +
                     " FROM attachments WHERE report_id = ? ORDER BY position");
  q.bind(1, report_id);
  std::vector<AttachmentInfo> out;
  while (q.executeStep()) out.push_back(info_from(q, 0));
  return out;
}

std::optional<AttachmentData> AttachmentRepository::read(SQLite::Database& db, int64_t report_id,
                                                         int position) {
  Prepared q(db, std::string("SELECT ") + kInfoColumns +
                     ", data, digest FROM attachments WHERE report_id = ? AND position = ?");
  q.bind(1, report_id);
  q.bind(2, position);
  if (!q.executeStep()) return std::nullopt;
  AttachmentData out;
  out.info = info_from(q, 0);
  const SQLite::Column data = q.getColumn(5);
  out.bytes.assign(static_cast<const char*>(data.getBlob()), size_t(data.getBytes()));
  out.digest = q.getColumn(6).getString();
  return out;
}

int AttachmentRepository::prune(SQLite::Database& db, int64_t before) {
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
