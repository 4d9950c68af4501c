#include "app/demo_data.h"

#include <map>

#include "app/app.h"
#include "base/crypto.h"
#include "formats/holiday_csv.h"
#include "services/report_service.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/report_repository.h"
#include "store/store.h"
#include "store/user_repository.h"

namespace aduan {
namespace {

struct DemoAgency {
  const char* code;
  const char* name;
  const char* parent;  // code of the parent agency, or ""
};

// Modelled on a regency government's OPD (Kabupaten Banjar, region code 63.03).
constexpr DemoAgency kAgencies[] = {
    {"DINKES", "Dinas Kesehatan", ""},
    {"PKM-MTP", "Puskesmas Martapura 1", "DINKES"},
    {"DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", ""},
    {"DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", ""},
    {"DISHUB", "Dinas Perhubungan", ""},
    {"DLH", "Dinas Lingkungan Hidup", ""},
    {"DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", ""},
    {"DINSOS", "Dinas Sosial", ""},
    {"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", ""},
    {"SATPOLPP", "Satuan Polisi Pamong Praja", ""},
    {"BPBD", "Badan Penanggulangan Bencana Daerah", ""},
    {"DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", ""},
    {"DISKOMINFO", "Dinas Komunikasi, Informatika dan Persandian", ""},
    {"PDAM", "Perumda Air Minum Intan Banjar", ""},
};

struct DemoCategory {
  const char* code;
  const char* name;
  const char* name_en;
  const char* agency;
};

constexpr DemoCategory kCategories[] = {
    {"jalan-jembatan", "Jalan dan Jembatan", "Roads and bridges", "DPUPR"},
    {"kesehatan", "Layanan Kesehatan", "Health services", "DINKES"},
    {"pendidikan", "Pendidikan", "Education", "DISDIKBUD"},
    {"adminduk", "Administrasi Kependudukan (KTP, KK, Akta)",
     "Civil registration (ID, family card, certificates)", "DISDUKCAPIL"},
    {"air-bersih", "Air Bersih", "Clean water", "PDAM"},
    {"sampah", "Sampah dan Kebersihan", "Waste and cleanliness", "DLH"},
    {"lalu-lintas", "Transportasi dan Lalu Lintas", "Transport and traffic", "DISHUB"},
    {"bansos", "Bantuan Sosial", "Social assistance", "DINSOS"},
    {"perizinan", "Perizinan dan Investasi", "Permits and investment", "DPMPTSP"},
    {"ketertiban", "Ketertiban Umum", "Public order", "SATPOLPP"},
    {"bencana", "Bencana dan Kedaruratan", "Disasters and emergencies", "BPBD"},
    {"perumahan", "Perumahan dan Permukiman", "Housing and settlements", "DISPERKIM"},
    {"informasi-publik", "Informasi Publik dan Layanan Digital",
     "Public information and digital services", "DISKOMINFO"},
    {"lainnya", "Lainnya", "Other", ""},
};

// The demo's collective leave: an example of what admins add to the shipped national list
// from the year's joint decree (SKB).
constexpr std::pair<const char*, const char*> kDemoCutiBersama[] = {
    {"2026-12-24", "Cuti bersama Hari Raya Natal"},
};

ReportInput sample(const char* classification, const char* title, const char* body,
                   const char* category, const char* location, bool anonymous) {
  ReportInput r;
  r.classification = classification;
  r.title = title;
  r.body = body;
  r.category = category;
  r.location.text = location;
  r.location.region_code = "63.03";
  r.reporter.name = "Warga Demo";
  r.reporter.phone = "081234567890";
  r.anonymous = anonymous;
  r.confidential = false;  // the demo's citizens chose to publish, once verified
  return r;
}

struct DemoAccount {
  const char* username;
  const char* name;
  Role role;
  const char* agency;
};

constexpr DemoAccount kAccounts[] = {
    {"koordinator", "Rina Wulandari", Role::kCoordinator, ""},
    {"admin.dpupr", "Budi Santoso", Role::kAgencyAdmin, "DPUPR"},
    {"petugas.dpupr", "Agus Pratama", Role::kAgencyOfficer, "DPUPR"},
    {"admin.pdam", "Sari Lestari", Role::kAgencyAdmin, "PDAM"},
    {"ombudsman", "Dewi Anggraini", Role::kSupervisor, ""},
    {"sysadmin", "Admin Sistem", Role::kSystemAdmin, ""},
};

std::string submit(App& app, ReportInput r, Date incident, DemoSummary* summary) {
  r.incident_date = format_iso_date(incident);
  const SubmitOutcome out = app.reports().submit(r);
  summary->tracking_ids.push_back(out.tracking_id);
  summary->pins.push_back(out.pin);
  return out.tracking_id;
}

// Acts as `role` on the report, as a member of the agency holding it when the role is an
// agency's.
void act(App& app, const std::string& tracking_id, Role role, Action action, ActionInput in) {
  std::optional<ReportRecord> r;
  app.store().read([&](Db& db) {
    r = ReportRepository::find_by_tracking_id(db, parse_tracking_id(tracking_id).canonical);
  });
  Caller demo;
  demo.role = role;
  demo.name = "Demo";
  if (r->agency_id) demo.agency_scope = {*r->agency_id};
  app.workflow().act(r->id, demo, action, in, std::nullopt);
}

}  // namespace

void load_demo_catalogue(App& app, DemoSummary* summary, int64_t now) {
  app.store().write([&](Db& db) {
    Transaction tx(db);
    std::map<std::string, int64_t> ids;
    for (const DemoAgency& a : kAgencies) {
      std::optional<int64_t> parent;
      if (*a.parent) parent = ids.at(a.parent);
      ids[a.code] = CatalogRepository::upsert_agency(db, a.code, a.name, parent);
      std::string head = a.code;
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CatalogRepository::set_agency_head(db, ids[a.code], "Kepala " + std::string(a.name),
                                         "kepala." + head + "@pemda.example", "");
      ++summary->agencies;
    }
    for (const DemoCategory& c : kCategories) {
      std::optional<int64_t> agency;
      if (*c.agency) agency = ids.at(c.agency);
      CatalogRepository::upsert_category(db, c.code, c.name, c.name_en, agency);
      ++summary->categories;
    }
    for (const Holiday& h : shipped_national_holidays(2026)) {
      CatalogRepository::upsert_holiday(db, h);
      ++summary->holidays;
    }
    for (const auto& [date, name] : kDemoCutiBersama) {
      CatalogRepository::upsert_holiday(db, Holiday{*parse_iso_date(date), name, "cuti_bersama"});
      ++summary->holidays;
    }
    CatalogRepository::confirm_holiday_year(db, 2026, "demo", now);
    load_demo_canned_responses(db, now);
    tx.commit();
  });
}

namespace {

// The demo's staff accounts, each with a fresh random password the summary prints once.
void load_demo_accounts(App& app, DemoSummary* summary, int64_t now) {
  app.store().write([&](Db& db) {
    Transaction tx(db);
    const auto agencies = CatalogRepository::active_agencies(db);
    for (const DemoAccount& a : kAccounts) {
      User u;
      u.username = a.username;
      u.display_name = a.name;
      u.role = a.role;
      for (const Agency& agency : agencies) {
        if (agency.code == a.agency) u.agency_id = agency.id;
      }
      // Mail for the demo goes to a reserved test domain (RFC 2606): nothing leaves the
      // machine unless an operator points the SMTP settings somewhere real.
      u.email = std::string(a.username) + "@pemda.example";
      const std::string password = random_hex(6);
      u.password_hash = hash_password(password);
      UserRepository::insert(db, u, now);
      summary->accounts.emplace_back(a.username, password);
    }
    tx.commit();
  });
}

// A few reports at different points of their life, so that every page has something to
// show: one overdue for months (the deadline job escalates it), one forwarded yesterday, one
// confidential, one request for information.
void load_demo_reports(App& app, ManualClock& clock, DemoSummary* summary, int64_t now) {
  // History first: a report forwarded about five months ago that the agency never
  // resolved.
  constexpr int64_t kDay = 86400;
  clock.set(now - 150 * kDay);
  const Date long_ago = local_date(clock.now_unix(), 7 * 60);
  const std::string stale = submit(
      app,
      sample("complaint", "Lampu penerangan jalan mati sepanjang 2 km",
             "Seluruh lampu penerangan jalan di ruas Jl. Sekumpul mati sejak awal bulan. Jalan "
             "menjadi sangat gelap dan rawan kejahatan pada malam hari.",
             "jalan-jembatan", "Jl. Sekumpul, Martapura", false),
      Date{long_ago.days - 1}, summary);
  act(app, stale, Role::kCoordinator, Action::kForward, ActionInput{.agency = "DPUPR"});
  clock.set(now);

  const Date yesterday{local_date(now, 7 * 60).days - 1};
  const std::string pothole =
      submit(app,
             sample("complaint", "Jalan berlubang di Jalan Ahmad Yani km 39",
                    "Sejak dua minggu lalu ada lubang besar di tengah jalan dekat pasar. Sudah dua "
                    "pengendara motor jatuh pada malam hari karena tidak ada lampu penerangan.",
                    "jalan-jembatan", "Jl. A. Yani km 39, Martapura", false),
             yesterday, summary);
  act(app, pothole, Role::kCoordinator, Action::kForward, ActionInput{.agency = "DPUPR"});
  submit(app,
         sample("complaint", "Air PDAM tidak mengalir tiga hari",
                "Air di rumah kami dan tetangga satu RT tidak mengalir sejak hari Senin. Belum "
                "ada pemberitahuan dari PDAM kapan akan normal kembali.",
                "air-bersih", "Kelurahan Keraton, Martapura", true),
         yesterday, summary);
  submit(app,
         sample("info_request", "Syarat mengurus akta kelahiran anak",
                "Mohon informasi dokumen apa saja yang perlu dibawa untuk mengurus akta "
                "kelahiran anak yang lahir di rumah, dan apakah bisa diurus secara daring.",
                "adminduk", "Kecamatan Martapura", false),
         yesterday, summary);
}

}  // namespace

DemoSummary load_demo_data(App& app, ManualClock& clock, int64_t now) {
  DemoSummary summary;
  load_demo_catalogue(app, &summary, now);
  int64_t reports = 0;
  int64_t users = 0;
  app.store().read([&](Db& db) {
    reports = ReportRepository::count(db);
    users = UserRepository::count(db);
  });
  if (users == 0) load_demo_accounts(app, &summary, now);
  if (reports > 0) return summary;
  load_demo_reports(app, clock, &summary, now);
  app.job().run_once();
  return summary;
}

}  // namespace aduan
