#include <gtest/gtest.h>

#include "notify/templates.h"
#include "notify/transports.h"
#include "services/inbound_service.h"
#include "shared/validation.h"

namespace aduan {
namespace {

TEST(Inbound, FindsTheTrackingIdAPersonQuotes) {
  EXPECT_EQ(find_tracking_id("Balasan untuk 226-BQ5-24T: sudah saya foto"), "226BQ524T");
  EXPECT_EQ(find_tracking_id("lapor 226bq524t terima kasih"), "226BQ524T");
  EXPECT_FALSE(find_tracking_id("226-BQ5-24V salah ketik"));  // check character wrong
  EXPECT_FALSE(find_tracking_id("Jalan rusak di depan pasar"));
}

TEST(Inbound, DerivesATitle) {
  EXPECT_EQ(derive_title("", "Lampu jalan mati\nSudah seminggu gelap."), "Lampu jalan mati");
  EXPECT_EQ(derive_title("", "Jalan rusak di depan pasar. Lubang besar sudah dua minggu."),
            "Jalan rusak di depan pasar");
  EXPECT_EQ(derive_title("Subjek email yang jelas", "isi"), "Subjek email yang jelas");
  EXPECT_EQ(derive_title("", "Rusak\nJalan di depan pasar rusak parah sekali"),
            "Rusak Jalan di depan pasar rusak parah sekali");
  const std::string long_line(400, 'a');
  EXPECT_LE(derive_title("", long_line + " " + long_line).size(), 150u + 4);
}

// What a citizen reads of a field problem: a sentence in their language, never a field path
// ("reporter.phone") or a code ("too_short"), for every code on every field of a report.
TEST(Inbound, FieldProblemsReadAsSentencesWithoutCodes) {
  const std::vector<std::string> fields = {"title",
                                           "body",
                                           "incident_date",
                                           "location.text",
                                           "location.lat",
                                           "location.lon",
                                           "location.region_code",
                                           "category",
                                           "agency",
                                           "classification",
                                           "channel",
                                           "reporter",
                                           "reporter.name",
                                           "reporter.phone",
                                           "reporter.email",
                                           "reporter.nik",
                                           "language",
                                           "attachments.0",
                                           "attachments.12",
                                           "anonymous",
                                           "confidential",
                                           "something_new.deep"};
  std::vector<std::string> raw;  // what must never show
  for (size_t c = 0; c < kFieldCodeCount; ++c) raw.emplace_back(to_string(FieldCode(c)));
  for (const std::string& f : fields) {
    if (f.find_first_of("._") != std::string::npos) raw.push_back(f);
  }
  for (const char* language : {"id", "en"}) {
    for (const std::string& field : fields) {
      for (size_t c = 0; c < kFieldCodeCount; ++c) {
        const FieldError e{field, FieldCode(c)};
        const std::string text = field_problem_text(language, e);
        const std::string where = std::string(language) + " " + field + " " +
                                  std::string(to_string(e.code)) + ": " + text;
        EXPECT_GE(text.size(), 8u) << where;
        EXPECT_EQ(text.find_first_of("{}_"), std::string::npos) << where;
        for (const std::string& r : raw) {
          // A code that is a plain word ("required", "blank") may be a word of a sentence;
          // a code with an underscore or a dotted path never is.
          if (r.find_first_of("._") == std::string::npos) continue;
          EXPECT_EQ(text.find(r), std::string::npos) << where << " shows " << r;
        }
      }
    }
  }
  EXPECT_EQ(field_problem_text("id", {"title", FieldCode::kTooShort}),
            "Judul terlalu pendek (minimal 10 karakter)");
  EXPECT_EQ(field_problem_text("en", {"body", FieldCode::kTooShort}),
            "The description is too short (at least 30 characters)");
  EXPECT_EQ(field_problem_text("fr", {"reporter.phone", FieldCode::kInvalidPhone}),
            field_problem_text("id", {"reporter.phone", FieldCode::kInvalidPhone}));
  EXPECT_EQ(
      field_problems_text("id", {{"title", FieldCode::kTooShort}, {"body", FieldCode::kTooShort}}),
      "Judul terlalu pendek (minimal 10 karakter); Isi laporan terlalu pendek (minimal 30 "
      "karakter)");

  // The whole message, in both languages, with every code at once: no code, no leftover
  // placeholder.
  std::vector<FieldError> all;
  for (size_t c = 0; c < kFieldCodeCount; ++c) all.push_back({"title", FieldCode(c)});
  for (const char* language : {"id", "en"}) {
    const RenderedMessage m = render_message(
        language, "inbound_rejected",
        {{"note", field_problems_text(language, all)}, {"link", "https://lapor.example/"}});
    for (const std::string& text : {m.subject, m.body, m.short_text}) {
      EXPECT_FALSE(text.empty()) << language;
      EXPECT_EQ(text.find_first_of("{}_"), std::string::npos) << language << ": " << text;
    }
  }
  EXPECT_NE(render_message("en", "inbound_rejected", {}).body.find("Your message"),
            std::string::npos);
}

TEST(Transports, HmacSha256MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(sign_outgoing("k", "1", "{}"), "sha256=" + hmac_sha256_hex("k", "1.{}"));
}

TEST(Transports, EmailCarriesTheStableMessageIdAndNoInjectedHeaders) {
  OutboxMessage m;
  m.message_id = "abc@aduan";
  m.recipient = "warga@contoh.id\r\nBcc: evil@example.com";
  m.subject = "Laporan baru\r\nX-Evil: 1";
  m.body = "Isi pesan";
  m.event = "new_report";
  const std::string mail = email_payload(m, "aduan@pemda.example", 0);
  EXPECT_NE(mail.find("Message-ID: <abc@aduan>\r\n"), std::string::npos);
  EXPECT_EQ(mail.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(mail.find("\r\nX-Evil:"), std::string::npos);
  EXPECT_NE(mail.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(mail.find("Date: Thu, 01 Jan 1970 00:00:00 +0000"), std::string::npos);
}

TEST(Templates, FillsPlaceholdersInTheRecipientsLanguage) {
  const TemplateVars vars{{"tracking_id", "K7M-2QX-9PA"},
                          {"pin", "12345678"},
                          {"title", "Jalan rusak"},
                          {"link", "https://x/track"}};
  const RenderedMessage id = render_message("id", "received", vars);
  EXPECT_EQ(id.subject, "Laporan Anda diterima: K7M-2QX-9PA");
  EXPECT_NE(id.short_text.find("PIN 12345678"), std::string::npos);
  EXPECT_EQ(render_message("en", "received", vars).subject,
            "Your report was received: K7M-2QX-9PA");
  // Not translated: falls back to Indonesian.
  EXPECT_EQ(render_message("en", "new_report", vars).subject.rfind("Laporan baru", 0), 0u);
  EXPECT_EQ(fill_placeholders("{a}{b}{", {{"a", "1"}}), "1{b}{");
  EXPECT_EQ(status_label("en", "in_progress"), "In progress");
}

}  // namespace
}  // namespace aduan
