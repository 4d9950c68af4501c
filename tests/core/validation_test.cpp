#include "shared/validation.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "shared/regions.h"

namespace aduan {
namespace {

ReportInput valid_report() {
  ReportInput r;
  r.classification = "complaint";
  r.title = "Jalan rusak di depan pasar";
  r.body = "Lubang besar di tengah jalan sudah dua minggu dan membahayakan pengendara.";
  r.incident_date = "2026-11-20";
  r.location.text = "Jl. A. Yani km 39";
  r.category = "jalan";
  r.reporter.phone = "081234567890";
  return r;
}

ValidationContext context() {
  ValidationContext ctx;
  ctx.today = *parse_iso_date("2026-11-23");
  ctx.categories = {"jalan", "kesehatan"};
  ctx.agencies = {"DPUPR"};
  return ctx;
}

std::vector<std::string> codes_for(const std::vector<FieldError>& errors,
                                   const std::string& field) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) {
    if (e.field == field) out.emplace_back(to_string(e.code));
  }
  return out;
}

TEST(Validation, AcceptsAValidReport) {
  EXPECT_TRUE(validate_report(valid_report(), context()).empty());
}

TEST(Validation, ReportsEveryProblemAtOnce) {
  ReportInput r;
  r.channel = "fax";
  const auto errors = validate_report(r, context());
  std::vector<std::string> fields;
  for (const FieldError& e : errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"classification", "title", "body", "incident_date",
                                              "location.text", "category", "channel", "reporter"}));
}

TEST(Validation, LengthsCountCharacters) {
  ReportInput r = valid_report();
  r.title = "Jalan 🚧🚧🚧";  // 9 characters, 18 bytes
  EXPECT_EQ(codes_for(validate_report(r, context()), "title"),
            std::vector<std::string>{"too_short"});
  r.title = "Jalan 🚧🚧🚧🚧";  // 10 characters
  EXPECT_TRUE(codes_for(validate_report(r, context()), "title").empty());
  r.title = std::string(150, 'a');
  EXPECT_TRUE(codes_for(validate_report(r, context()), "title").empty());
  r.title = std::string(151, 'a');
  EXPECT_EQ(codes_for(validate_report(r, context()), "title"),
            std::vector<std::string>{"too_long"});
  // 5000 two-byte characters are 10000 bytes but still within the limit.
  r = valid_report();
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "é";
  r.body = body;
  EXPECT_TRUE(codes_for(validate_report(r, context()), "body").empty());
  r.body = body + "é";
  EXPECT_EQ(codes_for(validate_report(r, context()), "body"), std::vector<std::string>{"too_long"});
}

TEST(Validation, LengthIsMeasuredAfterNormalising) {
  ReportInput r = valid_report();
  r.title = "   Jalan      rusak   ";  // 11 characters once collapsed
  EXPECT_TRUE(codes_for(validate_report(r, context()), "title").empty());
  r.title = "  a    b    c   d  ";
  EXPECT_EQ(codes_for(validate_report(r, context()), "title"),
            std::vector<std::string>{"too_short"});
  r.title = " \t \u00A0 ";
  EXPECT_EQ(codes_for(validate_report(r, context()), "title"), std::vector<std::string>{"blank"});
}

TEST(Validation, PhoneFormats) {
  for (const char* ok : {"081234567890", "0812-3456-7890", "+62 812 3456 7890", "6281234567890",
                         "021 5551234", "(0511) 4772211"}) {
    EXPECT_FALSE(check_phone(ok)) << ok;
  }
  for (const char* bad : {"12345", "0012345678", "+1 202 555 0100", "08123", "0812345678901234",
                          "08l2345678", "+62"}) {
    EXPECT_EQ(check_phone(bad), FieldCode::kInvalidPhone) << bad;
  }
  EXPECT_EQ(normalize_phone("0812-3456-7890"), "+6281234567890");
  EXPECT_EQ(normalize_phone("62 812 3456 7890"), "+6281234567890");
}

TEST(Validation, EmailFormats) {
  for (const char* ok : {"warga@contoh.id", "a.b+lapor@mail.banjarkab.go.id", "x@y.co"}) {
    EXPECT_FALSE(check_email(ok)) << ok;
  }
  for (const char* bad :
       {"warga", "@contoh.id", "warga@", "warga@contoh", "wa rga@contoh.id", "warga@contoh..id",
        ".warga@contoh.id", "warga@-contoh.id", "warga@contoh.1d"}) {
    EXPECT_EQ(check_email(bad), FieldCode::kInvalidEmail) << bad;
  }
  ReportInput r = valid_report();
  r.reporter.email = "Warga@Contoh.ID";
  EXPECT_EQ(normalize_report(r).reporter.email, "Warga@contoh.id");
}

TEST(Validation, Nik) {
  EXPECT_FALSE(check_nik("6303015708900001"));  // a woman born 17-08-1990: day + 40
  EXPECT_FALSE(check_nik("3171011201850002"));
  for (const char* bad : {"123", "63030157089000011", "630301570890000a", "0003015708900001",
                          "6303013213900001", "6303011213900000", "6303011200900001"}) {
    EXPECT_EQ(check_nik(bad), FieldCode::kInvalidNik) << bad;
  }
}

TEST(Validation, IncidentDate) {
  ReportInput r = valid_report();
  r.incident_date = "2026-11-23";
  EXPECT_TRUE(codes_for(validate_report(r, context()), "incident_date").empty());
  r.incident_date = "2026-11-24";
  EXPECT_EQ(codes_for(validate_report(r, context()), "incident_date"),
            std::vector<std::string>{"in_future"});
  r.incident_date = "2026-02-30";
  EXPECT_EQ(codes_for(validate_report(r, context()), "incident_date"),
            std::vector<std::string>{"invalid_date"});
  r.incident_date = "23/11/2026";
  EXPECT_EQ(codes_for(validate_report(r, context()), "incident_date"),
            std::vector<std::string>{"invalid_format"});
}

TEST(Validation, Location) {
  ReportInput r = valid_report();
  r.location.lat = -3.44;
  EXPECT_EQ(codes_for(validate_report(r, context()), "location.lon"),
            std::vector<std::string>{"incomplete"});
  r.location.lon = 200;
  EXPECT_EQ(codes_for(validate_report(r, context()), "location.lon"),
            std::vector<std::string>{"out_of_range"});
  r.location.lon = 114.83;
  r.location.region_code = "63.03";
  EXPECT_TRUE(validate_report(r, context()).empty());
  for (const char* bad : {"6", "63.3", "63.03.05.201", "63-03", "63.03.05.2001.1"}) {
    r.location.region_code = bad;
    EXPECT_EQ(codes_for(validate_report(r, context()), "location.region_code"),
              std::vector<std::string>{"invalid_region_code"})
        << bad;
  }
  r.location.region_code = "63.03.05.2001";
  EXPECT_TRUE(validate_report(r, context()).empty());
}

// Region codes are checked against the region list's codes in the core, with every other
// field: an unknown area is reported in the same pass as a short title or a bad phone.
TEST(Validation, UnknownRegionWithEveryOtherProblem) {
  for (const char* known :
       {"11", "96", "63.03", "63.03.05", "63.03.05.2001", "11.01.01", "96.04.29", "63.71"}) {
    EXPECT_TRUE(known_region(known)) << known;
  }
  for (const char* unknown : {"10", "99", "00", "63.99", "63.00", "63.03.00", "63.03.99",
                              "63.03.99.2001", "99.99.99", "", "6", "63.3", "aa", "63-03"}) {
    EXPECT_FALSE(known_region(unknown)) << unknown;
  }
  EXPECT_GT(known_region_count(), 7000u);

  ReportInput r = valid_report();
  r.location.region_code = "63.99";
  EXPECT_EQ(codes_for(validate_report(r, context()), "location.region_code"),
            std::vector<std::string>{"unknown_region"});
  r.title = "Pendek";
  r.reporter.phone = "12345";
  const auto errors = validate_report(r, context());
  std::vector<std::string> fields;
  for (const FieldError& e : errors)
    fields.push_back(e.field + ":" + std::string(to_string(e.code)));
  EXPECT_EQ(fields,
            (std::vector<std::string>{"title:too_short", "location.region_code:unknown_region",
                                      "reporter.phone:invalid_phone"}));
}

TEST(Validation, UnknownCodes) {
  ReportInput r = valid_report();
  r.classification = "pengaduan";
  r.category = "jalan-tol";
  r.agency = "DINAS-X";
  r.channel = "pigeon";
  const auto errors = validate_report(r, context());
  for (const char* field : {"classification", "category", "agency", "channel"}) {
    EXPECT_EQ(codes_for(errors, field), std::vector<std::string>{std::string("unknown_") + field})
        << field;
  }
}

TEST(Validation, ContactIsRequiredEvenWhenAnonymous) {
  ReportInput r = valid_report();
  r.reporter.phone.clear();
  r.anonymous = true;
  EXPECT_EQ(codes_for(validate_report(r, context()), "reporter"),
            std::vector<std::string>{"contact_required"});
  r.reporter.email = "warga@contoh.id";
  EXPECT_TRUE(validate_report(r, context()).empty());
}

TEST(Validation, EncodingAndControlCharacters) {
  ReportInput r = valid_report();
  r.title = "Jalan rusak \xC3\x28 parah";
  r.body = "Lubang besar\x1b[2J di tengah jalan sudah dua minggu dan membahayakan.";
  const auto errors = validate_report(r, context());
  EXPECT_EQ(codes_for(errors, "title"), std::vector<std::string>{"invalid_utf8"});
  EXPECT_EQ(codes_for(errors, "body"), std::vector<std::string>{"control_character"});
}

}  // namespace
}  // namespace aduan
