#include "app/seed.h"

#include <chrono>
#include <random>

#include "app/app.h"
#include "app/demo_data.h"
#include "store/audit_chain.h"
#include "store/bulk_load.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/report_repository.h"
#include "store/report_search.h"
#include "store/similar_reports.h"
#include "store/tallies.h"

namespace aduan {
namespace {

struct StatusShare {
  Status status;
  int percent;
};

// Roughly what a mature deployment holds: most reports finished, some still moving.
constexpr StatusShare kShares[] = {
    {Status::kClosed, 55},     {Status::kArchived, 10}, {Status::kResolved, 5},
    {Status::kInProgress, 12}, {Status::kForwarded, 8}, {Status::kSubmitted, 6},
    {Status::kPostponed, 2},   {Status::kEscalated, 2},
};

// Problems, streets and neighbourhoods combine into varied, realistic texts, so that the
// search for repeated reports meets the spread of words a real store has.
constexpr const char* kProblems[] = {
    "Jalan berlubang",
    "Lampu penerangan jalan mati",
    "Sampah tidak diangkut",
    "Air PDAM keruh dan berbau",
    "Air PDAM tidak mengalir",
    "Saluran drainase tersumbat",
    "Pohon tumbang menutup jalan",
    "Trotoar rusak",
    "Parkir liar di trotoar",
    "Lampu lalu lintas mati",
    "Jembatan rusak",
    "Banjir setiap hujan",
    "Pungutan liar di sekolah",
    "Pelayanan KTP elektronik lambat",
    "Puskesmas tutup saat jam layanan",
    "Bantuan sosial tidak tepat sasaran",
    "Izin usaha tidak kunjung terbit",
    "Kabel listrik menjuntai",
    "Tiang listrik miring",
    "Pedagang kaki lima menutup jalan",
    "Bau limbah pabrik",
    "Angkot ngetem bikin macet",
    "Rambu lalu lintas roboh",
    "Halte bus rusak",
    "Obat puskesmas kosong",
    "Guru sering tidak masuk",
    "Pasar kumuh dan becek",
    "Anjing liar berkeliaran",
    "Genangan air di jalan",
    "Aspal jalan mengelupas",
};
constexpr const char* kStreets[] = {
    "Merdeka",
    "Sudirman",
    "Diponegoro",
    "Ahmad Yani",
    "Gatot Subroto",
    "Pahlawan",
    "Veteran",
    "Kartini",
    "Imam Bonjol",
    "Hasanuddin",
    "Pattimura",
    "Cendrawasih",
    "Melati",
    "Mawar",
    "Anggrek",
    "Kenanga",
    "Cempaka",
    "Flamboyan",
    "Teuku Umar",
    "Wahid Hasyim",
    "Hayam Wuruk",
    "Gajah Mada",
    "Siliwangi",
    "Pajajaran",
    "Braga",
    "Asia Afrika",
    "Dago",
    "Riau",
    "Setiabudi",
    "Pasteur",
    "Cihampelas",
    "Sukajadi",
    "Cipaganti",
    "Lembong",
    "Naripan",
    "Cikapayang",
    "Martapura",
    "Banjar",
    "Lambung Mangkurat",
    "Pangeran Antasari",
    "Sultan Adam",
    "Belitung",
};
constexpr const char* kVillages[] = {
    "Mekarsari", "Sukamaju",  "Cibeureum", "Sindangsari", "Margahayu", "Mulyasari",
    "Cipedes",   "Sukaluyu",  "Cikadut",   "Babakan",     "Sukaresmi", "Cihaurgeulis",
    "Antapani",  "Arcamanik", "Tanjung",   "Kebon Jeruk", "Sirnaraga", "Gedebage",
    "Cileunyi",  "Cibiru",    "Kliwon",
};

double seconds_since(std::chrono::steady_clock::time_point* mark) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - *mark).count();
  *mark = now;
  return seconds;
}

// What every seeded report is drawn from.
struct SeedWorld {
  std::vector<Category> categories;
  WorkingCalendar calendar;
  DeadlinePolicy policy;
  int offset_minutes = 0;
  int64_t now = 0;
  int64_t span = 0;  // seconds back from now that a report may be from
};

// A report drawn at random, with the days it passed each stage.
struct SeededReport {
  ReportRecord r;
  Date created, verified, responded, resolved;
  bool forwarded = false;
};

Status random_status(std::mt19937_64& rng) {
  int pick = static_cast<int>(rng() % 100);
  for (const StatusShare& share : kShares) {
    if (pick < share.percent) return share.status;
    pick -= share.percent;
  }
  return Status::kClosed;
}

SeededReport random_report(std::mt19937_64& rng, const SeedWorld& w) {
  SeededReport out;
  ReportRecord& r = out.r;
  r.created_at = w.now - static_cast<int64_t>(rng() % static_cast<uint64_t>(w.span));
  r.updated_at = r.created_at;
  r.status = random_status(rng);
  const Category& category = w.categories[rng() % w.categories.size()];
  r.category_id = category.id;
  r.classification = rng() % 10 < 8 ? "complaint" : (rng() % 2 ? "aspiration" : "info_request");
  r.channel = std::array{"web", "web", "web", "whatsapp", "sms", "email", "api"}[rng() % 7];
  const std::string street = kStreets[rng() % std::size(kStreets)];
  const std::string village = kVillages[rng() % std::size(kVillages)];
  r.title = std::string(kProblems[rng() % std::size(kProblems)]) + " di Jl. " + street;
  r.body = r.title + " dekat Kelurahan " + village + " RT " + std::to_string(1 + rng() % 20) +
           ". Mohon segera ditindaklanjuti oleh instansi terkait.";
  out.created = local_date(r.created_at, w.offset_minutes);
  r.incident_date = format_iso_date(Date{out.created.days - static_cast<int>(rng() % 5)});
  r.location.text = "Jl. " + street + ", Kelurahan " + village;
  r.reporter.phone = "+62812" + std::to_string(10000000 + rng() % 89999999);
  r.confidential = rng() % 20 == 0;
  r.anonymous = rng() % 10 == 0;
  out.forwarded = r.status != Status::kSubmitted && r.status != Status::kPostponed &&
                  r.status != Status::kArchived;
  if (out.forwarded) r.agency_id = category.agency_id;
  if (r.status == Status::kClosed && rng() % 3 == 0) r.rating = 1 + static_cast<int>(rng() % 5);
  out.verified = Date{out.created.days + static_cast<int>(rng() % 5)};
  out.responded = Date{out.verified.days + static_cast<int>(rng() % 8)};
  out.resolved = Date{out.responded.days + static_cast<int>(rng() % 20)};
  // The stage it is in now, or none when finished.
  const auto deadline = [&](Stage stage, Date from) {
    return stage_deadline(w.calendar, w.policy, stage, r.tier, from);
  };
  if (r.status == Status::kSubmitted) {
    r.clock.deadline = deadline(Stage::kVerification, out.created);
  } else if (r.status == Status::kForwarded) {
    r.clock.deadline = deadline(Stage::kFirstResponse, out.verified);
  } else if (r.status == Status::kInProgress) {
    r.clock.deadline = deadline(Stage::kResolution, out.responded);
  } else if (r.status == Status::kResolved) {
    r.clock.deadline = deadline(Stage::kCitizenConfirmation, out.resolved);
  }
  r.tracking_id = make_tracking_id(rng());
  return out;
}

// The report's events and finished stages, as far as its status says it got: submitted,
// forwarded after verification, answered, resolved, confirmed. Each event records the
// report's state as generated (its final one) and extends the one audit chain at `head`.
void write_history(Db& db, const Secrets& secrets, const SeedWorld& w, const SeededReport& g,
                   AuditHead* head, SeedSummary* s) {
  const ReportRecord& r = g.r;
  const std::string state = report_state_digest(secrets, r);
  EventRecord e;
  auto append = [&](Action action, int64_t at, std::optional<Status> from, Status to, Role role) {
    e.at = at;
    e.action = action;
    e.from_status = from;
    e.to_status = to;
    e.actor_role = role;
    ReportRepository::append_event_after(db, secrets, r.id, state, e, head);
    ++s->events;
  };
  auto record = [&](Stage stage, Date from, Date to, std::optional<int64_t> agency) {
    ReportRecord held = r;
    held.agency_id = agency;
    const StageDeadline d = stage_deadline(w.calendar, w.policy, stage, r.tier, from);
    ReportRepository::record_stage(db, held, d, to, w.calendar.working_days_between(from, to),
                                   int64_t{to.days} * 86400);
    ++s->stage_records;
  };
  append(Action::kSubmit, r.created_at, std::nullopt, Status::kSubmitted, Role::kCitizen);
  if (!g.forwarded) return;
  record(Stage::kVerification, g.created, g.verified, std::nullopt);
  append(Action::kForward, int64_t{g.verified.days} * 86400 + 3600, Status::kSubmitted,
         Status::kForwarded, Role::kCoordinator);
  if (r.status == Status::kForwarded) return;
  record(Stage::kFirstResponse, g.verified, g.responded, r.agency_id);
  if (r.status == Status::kInProgress || r.status == Status::kEscalated) return;
  record(Stage::kResolution, g.responded, g.resolved, r.agency_id);
  if (r.status != Status::kClosed) return;
  append(Action::kConfirm, int64_t{g.resolved.days + 3} * 86400, Status::kResolved, Status::kClosed,
         Role::kCitizen);
}

}  // namespace

SeedSummary seed_reports(App& app, int64_t count, int years, int64_t now, uint64_t random_seed) {
  const auto started = std::chrono::steady_clock::now();
  auto mark = started;
  SeedSummary s;
  DemoSummary ignored;
  load_demo_catalogue(app, &ignored, now);
  SeedWorld world;
  app.store().read([&](Db& db) {
    world.categories = CatalogRepository::active_categories(db);
    world.calendar = CatalogRepository::calendar(db);
  });
  world.offset_minutes = app.reports().settings().utc_offset_minutes;
  world.now = now;
  world.span = int64_t{years} * 365 * 86400;
  std::mt19937_64 rng(random_seed);
  // One transaction for the whole load: a seed that dies leaves the store as it was. Inside
  // it the bulk-load shortcuts are safe: the counters' triggers are off and recounted once
  // at the end, and the secondary indexes are dropped and built again by sorting, which
  // is several times faster than updating them row by row.
  app.store().write([&](Db& db) {
    BulkLoad bulk(db);
    Transaction tx(db);
    tallies::suspend(db);
    bulk.drop_indexes();
    // One chain through every event of the store, followed here and its head written once.
    AuditHead head = read_audit_head(db);
    for (int64_t done = 0; done < count; ++done) {
      SeededReport g = random_report(rng, world);
      if (!ReportRepository::insert(db, &g.r)) continue;  // a repeated ID: skip it
      SimilarReports::add(db, g.r);
      ++s.reports;
      write_history(db, app.store().secrets(), world, g, &head, &s);
    }
    write_audit_head(db, head);
    // The staff search's index a batch of reports at a time, as a start-up fills it (on
    // PostgreSQL each term's block is then written once a batch, not once a report).
    ReportSearch::index_missing(db);
    s.seconds_rows = seconds_since(&mark);
    bulk.rebuild_indexes();
    s.seconds_indexes = seconds_since(&mark);
    tallies::resume(db, world.offset_minutes);
    s.seconds_counters = seconds_since(&mark);
    tx.commit();
  });
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return s;
}

}  // namespace aduan
