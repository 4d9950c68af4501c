#include <gtest/gtest.h>

#include "inbound_service.h"
#include "templates.h"
#include "transports.h"

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
