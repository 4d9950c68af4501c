#include "app/app.h"

#include <stdexcept>

#include "base/crypto.h"
#include "base/secrets.h"
#include "store/db.h"
#include "store/report_search.h"
#include "store/similar_reports.h"
#include "store/tallies.h"

namespace aduan {
namespace {

const std::string& checked_crypto() {
  static const std::string ok = [] {
    if (!crypto_init()) throw std::runtime_error("libsodium cannot start");
    return std::string("ok");
  }();
  return ok;
}

// The outbox seals the texts that carry a PIN or a follower's code with a secret derived
// from the deployment's key, which is not in the database.
NotifyConfig with_seal(NotifyConfig c, Store& store) {
  c.seal_secret = store.secrets().pin_mac("outbox seal");
  return c;
}

// No submission limit (--limit-submit 0, the benchmarks and most tests) means none at all,
// not a device's or an address's either.
DeviceRules device_rules(const AppOptions& o) {
  DeviceRules r = o.device_rules;
  if (o.submit_limit.max <= 0) r.per_device.max = r.per_address.max = r.new_keys.max = 0;
  return r;
}

}  // namespace

std::string default_audit_key_path(const std::string& db_path) { return db_path + ".key"; }

// Long because it is the one place every service is built and handed what it needs, in the
// order they depend on each other: a list of constructions, with no logic to split out.
App::App(const AppOptions& o, const Clock& clock, ReportService::Random random)
    : store_((checked_crypto(), o.db_path), o.readers,
             o.audit_key_path.empty() ? default_audit_key_path(o.db_path) : o.audit_key_path),
      notifier_(with_seal(o.notify, store_)),
      reports_(store_, clock, o.settings, std::move(random), &notifier_),
      workflow_(store_, clock, o.settings, &notifier_),
      citizens_(store_, clock, o.settings, workflow_, o.pin_guesses),
      follows_(store_, clock, &notifier_),
      device_links_(store_, clock, &notifier_, citizens_),
      category_models_(store_, clock),
      catalogue_(store_),
      transparency_(store_, clock, o.settings),
      similar_(store_, clock, o.settings),
      api_keys_(store_, clock),
      monitoring_(store_, clock, o.settings.utc_offset_minutes),
      open311_(store_),
      holidays_(store_, clock),
      staff_(store_, clock, o.settings, workflow_),
      auth_(store_, clock, o.auth),
      job_(store_, clock, o.settings, workflow_, &notifier_),
      inbound_(store_, clock, o.settings, reports_, workflow_, notifier_),
      sender_(store_, clock, with_seal(o.notify, store_)),
      poller_(store_, clock, workflow_),
      dashboard_(store_, clock, o.settings),
      uploads_(store_, clock, o.upload_rules),
      submit_limiter_(o.submit_limit, o.limiter_capacity),
      track_limiter_(o.track_limit, o.limiter_capacity),
      devices_(device_rules(o), submit_limiter_, store_.secrets(), o.limiter_capacity),
      assets_(o.assets_dir),
      outbox_(store_, clock, sender_),
      accounts_(store_, clock),
      agency_settings_(store_, clock),
      inbox_(store_, clock, o.settings),
      term_links_(store_, clock),
      external_agencies_(store_, clock),
      canned_(store_, clock),
      saved_views_(store_, clock),
      services_{.reports = reports_,
                .workflow = workflow_,
                .citizens = citizens_,
                .staff = staff_,
                .auth = auth_,
                .inbound = inbound_,
                .clock = clock,
                .dashboard = dashboard_,
                .job = job_,
                .metrics = metrics_,
                .uploads = uploads_,
                .regions = RegionCatalog::embedded(),
                .submit_limit = submit_limiter_,
                .track_limit = track_limiter_,
                .follows = follows_,
                .devices = devices_,
                .device_links = device_links_,
                .category_models = category_models_,
                .catalogue = catalogue_,
                .transparency = transparency_,
                .similar = similar_,
                .api_keys = api_keys_,
                .monitoring = monitoring_,
                .open311 = open311_,
                .holidays = holidays_,
                .outbox = outbox_,
                .accounts = accounts_,
                .agency_settings = agency_settings_,
                .inbox = inbox_,
                .term_links = term_links_,
                .external_agencies = external_agencies_,
                .canned = canned_,
                .saved_views = saved_views_,
                .public_url = PublicUrl{o.notify.public_url, o.notify.public_url_set}},
      http_(services_, assets_, o.http) {
  // The monitoring's counters must be live and counted in this deployment's time zone
  // before the first request reads them.
  store_.write([&](Db& db) {
    tallies::prepare(db, o.settings.utc_offset_minutes);
    // The search's first: it empties both term indexes when the word lists changed.
    ReportSearch::index_existing(db);
    SimilarReports::index_existing(db);
  });
}

}  // namespace aduan
