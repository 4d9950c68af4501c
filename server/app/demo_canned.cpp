// The demo's canned responses: a few texts each demo agency writes every day, and the
// coordinators' questions when they postpone a report, so that the canned-response page and
// the picker on a report are not empty in a demo.
#include "app/demo_data.h"
#include "store/canned_response_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"

namespace aduan {
namespace {

struct DemoCanned {
  const char* agency;  // code; "" for the coordinators' list, "*" for every agency
  const char* title;
  const char* text;
};

constexpr DemoCanned kCanned[] = {
    {"", "Mohon lengkapi lokasi",
     "Terima kasih atas laporan Bapak/Ibu. Agar dapat kami teruskan ke instansi yang tepat, "
     "mohon lengkapi lokasi kejadian: nama jalan atau gang, RT/RW, kelurahan/desa, dan patokan "
     "terdekat (misalnya masjid, sekolah atau toko)."},
    {"", "Mohon lampirkan foto",
     "Terima kasih atas laporan Bapak/Ibu. Mohon lampirkan foto kondisi terkini di lokasi "
     "sebagai bukti pendukung, agar laporan dapat segera diverifikasi dan diteruskan."},
    {"", "Mohon jelaskan waktu kejadian",
     "Mohon jelaskan kapan kejadian tersebut terjadi (tanggal dan perkiraan jam) serta apakah "
     "kejadian ini masih berlangsung sampai sekarang."},
    {"", "Mohon sebutkan unit layanan",
     "Mohon sebutkan nama kantor atau unit layanan yang Bapak/Ibu datangi, tanggal kunjungan, "
     "serta nomor antrean atau nomor berkas bila ada, agar dapat kami teruskan ke instansi "
     "yang berwenang."},

    {"*", "Laporan sedang ditindaklanjuti",
     "Terima kasih atas laporan Bapak/Ibu. Laporan telah kami terima dan sedang "
     "ditindaklanjuti oleh petugas kami. Perkembangannya akan kami sampaikan melalui halaman "
     "pelacakan laporan ini."},
    {"*", "Mohon informasi tambahan",
     "Untuk menindaklanjuti laporan ini, mohon Bapak/Ibu menyampaikan informasi tambahan "
     "melalui balasan di halaman pelacakan: lokasi yang lebih rinci dan foto kondisi terkini."},
    {"*", "Laporan selesai ditindaklanjuti",
     "Laporan Bapak/Ibu telah selesai kami tindak lanjuti. Apabila masalah masih terjadi, "
     "silakan sampaikan melalui halaman pelacakan laporan agar dapat kami periksa kembali. "
     "Terima kasih atas kepedulian Bapak/Ibu."},

    {"DPUPR", "Perbaikan jalan dijadwalkan",
     "Kerusakan jalan yang Bapak/Ibu laporkan telah kami survei. Perbaikan dijadwalkan dalam "
     "pemeliharaan rutin bulan ini. Rambu peringatan telah dipasang di lokasi; mohon "
     "berhati-hati saat melintas."},
    {"DPUPR", "Lubang jalan sudah ditambal",
     "Lubang jalan di lokasi yang dilaporkan telah ditambal oleh tim pemeliharaan jalan dan "
     "dapat dilalui kembali dengan aman. Terima kasih atas laporan Bapak/Ibu."},
    {"DPUPR", "Ruas jalan provinsi atau nasional",
     "Ruas jalan yang dilaporkan berstatus jalan provinsi/nasional, sehingga pemeliharaannya "
     "menjadi kewenangan instansi provinsi/pusat. Laporan ini telah kami sampaikan kepada "
     "instansi tersebut."},
    {"DPUPR", "Saluran drainase dibersihkan",
     "Saluran drainase di lokasi yang dilaporkan telah dibersihkan dari sampah dan endapan "
     "lumpur sehingga air dapat mengalir kembali."},

    {"PDAM", "Gangguan pipa sedang diperbaiki",
     "Mohon maaf atas terganggunya aliran air. Terdapat kebocoran pipa distribusi yang sedang "
     "diperbaiki oleh tim teknis kami. Aliran air diperkirakan normal kembali dalam 1x24 jam."},
    {"PDAM", "Air kembali mengalir normal",
     "Perbaikan jaringan telah selesai dan aliran air ke wilayah Bapak/Ibu telah normal "
     "kembali. Bila air masih keruh, mohon buka keran beberapa menit hingga jernih."},
    {"PDAM", "Mohon nomor sambungan pelanggan",
     "Untuk memeriksa sambungan Bapak/Ibu, mohon sampaikan nomor sambungan pelanggan yang "
     "tertera pada rekening air melalui balasan di halaman pelacakan."},

    {"DISDUKCAPIL", "Syarat akta kelahiran",
     "Syarat penerbitan akta kelahiran: surat keterangan lahir dari bidan/rumah sakit atau SPTJM "
     "kebenaran data kelahiran, kartu keluarga, dan KTP-el kedua orang tua. Permohonan dapat "
     "diajukan di kantor Disdukcapil atau secara daring."},
    {"DISDUKCAPIL", "KTP-el sudah dapat diambil",
     "KTP-el Bapak/Ibu telah selesai dicetak dan dapat diambil di kantor Disdukcapil pada hari "
     "kerja pukul 08.00-14.00 dengan membawa bukti perekaman."},

    {"DLH", "Jadwal pengangkutan sampah",
     "Pengangkutan sampah di wilayah Bapak/Ibu telah kami jadwalkan ulang. Truk pengangkut akan "
     "datang setiap Senin, Rabu dan Jumat pagi. Mohon sampah dikumpulkan di TPS terdekat."},
    {"DISHUB", "Lampu lalu lintas diperbaiki",
     "Lampu lalu lintas di persimpangan yang dilaporkan telah diperiksa dan diperbaiki oleh "
     "petugas. Lampu kembali berfungsi normal."},
};

}  // namespace

void load_demo_canned_responses(Db& db, int64_t now) {
  if (CannedResponseRepository::count_all(db) > 0) return;
  const auto agencies = CatalogRepository::active_agencies(db);
  for (const DemoCanned& c : kCanned) {
    const std::string code = c.agency;
    if (code.empty()) {
      CannedResponseRepository::insert(db, std::nullopt, c.title, c.text, "demo", now);
      continue;
    }
    for (const Agency& a : agencies) {
      if (code == "*" || a.code == code) {
        CannedResponseRepository::insert(db, a.id, c.title, c.text, "demo", now);
      }
    }
  }
}

}  // namespace aduan
