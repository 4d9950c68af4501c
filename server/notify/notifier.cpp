#include "notify/notifier.h"

#include <algorithm>
#include <set>

#include "base/crypto.h"
#include "notify/templates.h"
#include "shared/tracking_id.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/follower_repository.h"
#include "store/outbox_repository.h"
#include "store/recipient_repository.h"

namespace aduan {
namespace {

using Recipient = NotifyRecipient;

// A staff member or agency head: email when there is one, else the phone channel.
void add_contact(const NotifyConfig& c, const std::string& email, const std::string& phone,
                 std::set<Recipient>* out) {
  if (!email.empty() && c.smtp) {
    out->insert({"email", email});
  } else if (!phone.empty() && c.gateway) {
    out->insert({c.citizen_phone_channel, phone});
  }
}

void add_contacts(const NotifyConfig& c, const std::vector<Contact>& contacts,
                  std::set<Recipient>* out) {
  for (const Contact& k : contacts) add_contact(c, k.email, k.phone, out);
}

// The citizen, on the channel they came through, else email, else their phone.
void add_citizen(const NotifyConfig& c, const ReportRecord& r, std::set<Recipient>* out) {
  if (!r.notify_citizen) return;
  const bool phone_channel = r.channel == "sms" || r.channel == "whatsapp";
  if (phone_channel && !r.reporter.phone.empty() && c.gateway) {
    out->insert({r.channel, r.reporter.phone, r.language, true});
  } else if (!r.reporter.email.empty() && c.smtp) {
    out->insert({"email", r.reporter.email, r.language, true});
  } else if (!r.reporter.phone.empty() && c.gateway) {
    out->insert({c.citizen_phone_channel, r.reporter.phone, r.language, true});
  }
}

// Citizens following the report (the same problem, or a duplicate of it) who left a contact.
void add_followers(Db& db, const NotifyConfig& c, const ReportRecord& r, std::set<Recipient>* out) {
  if (r.followers == 0) return;
  for (const Follower& f : FollowerRepository::with_contact(db, r.id)) {
    if (!f.email.empty() && c.smtp) {
      out->insert({"email", f.email, f.language, true});
    } else if (!f.phone.empty() && c.gateway) {
      out->insert({c.citizen_phone_channel, f.phone, f.language, true});
    }
  }
}

std::set<Recipient> recipients(Db& db, const NotifyConfig& c, Audience a, const ReportRecord& r) {
  std::set<Recipient> out;
  switch (a) {
    case Audience::kCoordinators:
      add_contacts(c, RecipientRepository::staff(db, Role::kCoordinator), &out);
      break;
    case Audience::kSupervisors:
      add_contacts(c, RecipientRepository::staff(db, Role::kSupervisor), &out);
      break;
    case Audience::kAgencyAdmins:
      // Reports not (or no longer) with an agency are the coordinators' to handle.
      add_contacts(c,
                   r.agency_id ? RecipientRepository::staff(db, Role::kAgencyAdmin, r.agency_id)
                               : RecipientRepository::staff(db, Role::kCoordinator),
                   &out);
      break;
    case Audience::kAgencyHead:
      if (const auto head =
              r.agency_id ? RecipientRepository::agency_head(db, *r.agency_id) : std::nullopt) {
        add_contact(c, head->email, head->phone, &out);
      }
      break;
    case Audience::kCitizen:
      add_citizen(c, r, &out);
      break;
    case Audience::kAssignedOfficer:
      if (const auto officer = r.assigned_user_id
                                   ? RecipientRepository::user(db, *r.assigned_user_id)
                                   : std::nullopt) {
        add_contact(c, officer->email, officer->phone, &out);
      }
      break;
  }
  return out;
}

// Joins `from` into `to`; an address that is a citizen's anywhere stays a citizen's.
void merge(const std::set<Recipient>& from, std::set<Recipient>* to) {
  for (const Recipient& r : from) {
    const auto it = to->insert(r).first;
    if (r.citizen) it->citizen = true;
  }
}

// `sealed_body`: the body with a secret in it, sealed (text.body then shows it masked).
void write(Db& db, const std::string& event, const Recipient& to, const RenderedMessage& text,
           std::optional<int64_t> report_id, int64_t now, std::string sealed_body = {}) {
  OutboxMessage m;
  // Stable for the life of the message: retries reuse it, receivers drop repeats by it.
  m.message_id = random_hex(16) + "@aduan";
  m.report_id = report_id;
  m.event = event;
  m.channel = to.channel;
  m.recipient = to.address;
  m.subject = text.subject;
  m.body = to.channel == "email" ? text.body : text.short_text;
  m.sealed_body = std::move(sealed_body);
  m.to_citizen = to.citizen;
  m.next_attempt_at = now;
  m.created_at = now;
  OutboxRepository::insert(db, &m);
}

// How the PIN reads in the outbox row of the message that carries it.
constexpr const char* kMaskedPin = "\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022";

std::string shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "…";
}

}  // namespace

Notifier::Notifier(NotifyConfig config) : config_(std::move(config)) {}

int Notifier::notify(Db& db, const std::string& event, const ReportRecord& r,
                     const NotifyDetails& d, int64_t now) const {
  return send(db, address(db, event, r, d), r, d, now);
}

NotifyAddress Notifier::address(Db& db, const std::string& event, const ReportRecord& r,
                                const NotifyDetails& d) const {
  NotifyAddress a;
  a.event = event;
  const auto rule = config_.rules.find(event);
  if (rule == config_.rules.end()) return a;
  for (Audience audience : rule->second) merge(recipients(db, config_, audience, r), &a.to);
  // Followers wrote none of it and proved only that they can read their own phone: they
  // hear that the status changed, never a note, a title or a PIN.
  const bool to_followers =
      event == "citizen_update" && d.status_changed && d.pin.empty() &&
      std::count(rule->second.begin(), rule->second.end(), Audience::kCitizen);
  if (to_followers) add_followers(db, config_, r, &a.followers);
  for (const Recipient& rcpt : a.to) a.followers.erase(rcpt);  // the reporter hears once
  if (a.to.empty() && a.followers.empty()) return a;
  a.category = RecipientRepository::category_name(db, r.category_id);
  a.agency = RecipientRepository::agency_name(db, r.agency_id);
  return a;
}

int Notifier::send(Db& db, const NotifyAddress& a, const ReportRecord& r, const NotifyDetails& d,
                   int64_t now) const {
  if (a.to.empty() && a.followers.empty()) return 0;
  const std::string& event = a.event;
  const std::string id = format_tracking_id(r.tracking_id);
  TemplateVars vars{
      {"tracking_id", id},
      {"title", r.title},
      {"category", a.category},
      {"agency", a.agency},
      {"note", d.note},
      {"note_short", shorten(d.note, 240)},
      {"pin", d.pin},
      {"link", config_.public_url + "/track.html?id=" + id},
      {"staff_link", config_.public_url + "/staff/report.html?id=" + id},
  };
  const StageDeadline deadline = d.deadline.value_or(r.clock.deadline);
  vars["due"] = deadline.stage == Stage::kNone ? "-" : format_iso_date(deadline.due);
  vars["stage"] = std::string(to_string(deadline.stage));
  for (const Recipient& rcpt : a.to) {
    vars["status"] = status_label(rcpt.language, std::string(to_string(r.status)));
    if (d.pin.empty()) {
      write(db, event, rcpt, render_message(rcpt.language, event, vars), r.id, now);
      continue;
    }
    // The PIN never rests readable in the outbox: the row's text shows it masked, the text
    // that is sent waits sealed and is dropped once the message is sent or failed for good.
    vars["pin"] = d.pin;
    const RenderedMessage real = render_message(rcpt.language, event, vars);
    vars["pin"] = kMaskedPin;
    const RenderedMessage masked = render_message(rcpt.language, event, vars);
    const std::string& real_body = rcpt.channel == "email" ? real.body : real.short_text;
    write(db, event, rcpt, masked, r.id, now, seal_outbox_text(config_.seal_secret, real_body));
  }
  const TemplateVars follower_vars{{"tracking_id", id}, {"link", vars["link"]}};
  for (const Recipient& rcpt : a.followers) {
    TemplateVars v = follower_vars;
    v["status"] = status_label(rcpt.language, std::string(to_string(r.status)));
    write(db, "follower_update", rcpt, render_message(rcpt.language, "follower_update", v), r.id,
          now);
  }
  return static_cast<int>(a.to.size() + a.followers.size());
}

int Notifier::notify_digest(Db& db, int64_t agency_id, Date today, int64_t now) const {
  ReportRecord holder;  // only the agency matters for the recipients
  holder.agency_id = agency_id;
  std::set<Recipient> to;
  const auto rule = config_.rules.find("digest");
  if (rule == config_.rules.end()) return 0;
  for (Audience a : rule->second) {
    if (a != Audience::kCitizen) merge(recipients(db, config_, a, holder), &to);
  }
  if (to.empty()) return 0;
  // What the agency (with its units) holds and owes its next step on, and what is late.
  const AgencyDay day = RecipientRepository::agency_day(db, agency_subtree(db, agency_id), today);
  std::string list;
  for (size_t i = 0; i < day.overdue.size() && i < 50; ++i) {
    list +=
        "- " + format_tracking_id(day.overdue[i].tracking_id) + " (" + day.overdue[i].due + ")\n";
  }
  const int64_t open = day.open;
  const auto overdue_count = static_cast<int64_t>(day.overdue.size());
  if (open == 0) return 0;  // nothing to report, no message
  const TemplateVars vars{{"agency", RecipientRepository::agency_name(db, agency_id)},
                          {"date", format_iso_date(today)},
                          {"open", std::to_string(open)},
                          {"overdue", std::to_string(overdue_count)},
                          {"overdue_list", list},
                          {"queue_link", config_.public_url + "/staff/queue.html"}};
  for (const Recipient& rcpt : to)
    write(db, "digest", rcpt, render_message("id", "digest", vars), {}, now);
  return static_cast<int>(to.size());
}

void Notifier::notify_address(Db& db, const std::string& event, const std::string& channel,
                              const std::string& recipient, const std::string& language,
                              const std::string& note, int64_t now) const {
  const bool configured =
      channel == "email" ? config_.smtp.has_value() : config_.gateway.has_value();
  if (!configured || recipient.empty()) return;
  const TemplateVars vars{{"note", note}, {"link", config_.public_url + "/"}};
  write(db, event, Recipient{channel, recipient, language, true},
        render_message(language, event, vars), {}, now);
}

void Notifier::notify_code(Db& db, const std::string& channel, const std::string& recipient,
                           const std::string& language, const std::string& code, int64_t now,
                           const std::string& event) const {
  const bool configured =
      channel == "email" ? config_.smtp.has_value() : config_.gateway.has_value();
  if (!configured || recipient.empty()) return;
  // Like the PIN: masked in the row, the real text sealed until it is sent.
  TemplateVars vars{{"code", code}, {"link", config_.public_url + "/"}};
  const RenderedMessage real = render_message(language, event, vars);
  vars["code"] = "\u2022\u2022\u2022\u2022\u2022\u2022";
  const RenderedMessage masked = render_message(language, event, vars);
  write(db, event, Recipient{channel, recipient, language, true}, masked, {}, now,
        seal_outbox_text(config_.seal_secret, channel == "email" ? real.body : real.short_text));
}

}  // namespace aduan
