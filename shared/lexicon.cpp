#include "shared/lexicon.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace aduan::internal {
namespace {

using Entry = WordPair;

// Chat spellings and abbreviations citizens type, with the word they stand for. From the
// reports of the demo data and the tuning pairs (tests/similarity/pairs.tsv, registers.tsv),
// and the abbreviations common in Indonesian chat (Kamus Alay lists, KBBI's "cakapan" forms).
constexpr std::string_view kSpellings =
    "gak tidak\n"
    "ga tidak\n"
    "gk tidak\n"
    "g tidak\n"
    "nggak tidak\n"
    "enggak tidak\n"
    "engga tidak\n"
    "ngga tidak\n"
    "tdk tidak\n"
    "tak tidak\n"
    "kagak tidak\n"
    "ndak tidak\n"
    "nda tidak\n"
    "gabisa tidak\n"
    "gbs tidak\n"
    "yg yang\n"
    "dgn dengan\n"
    "dg dengan\n"
    "jln jalan\n"
    "jl jalan\n"
    "jlan jalan\n"
    "dalan jalan\n"
    "sdh sudah\n"
    "udah sudah\n"
    "udh sudah\n"
    "dah sudah\n"
    "blm belum\n"
    "blom belum\n"
    "krn karena\n"
    "karna karena\n"
    "utk untuk\n"
    "buat untuk\n"
    "dr dari\n"
    "sy saya\n"
    "aku saya\n"
    "gue saya\n"
    "gw saya\n"
    "kmrn kemarin\n"
    "skrg sekarang\n"
    "skr sekarang\n"
    "bgt banget\n"
    "lg lagi\n"
    "bnyk banyak\n"
    "tp tapi\n"
    "dpt dapat\n"
    "hrs harus\n"
    "sampe sampai\n"
    "trs terus\n"
    "trus terus\n"
    "gmn bagaimana\n"
    "knp kenapa\n"
    "org orang\n"
    "rmh rumah\n"
    "sklh sekolah\n"
    "pd pada\n"
    "jg juga\n"
    "dpn depan\n"
    "dkt dekat\n"
    "td tadi\n"
    "aja saja\n"
    "sm sama\n"
    "bs bisa\n"
    "kyk seperti\n"
    "emg memang\n"
    "bln bulan\n"
    "mgg minggu\n"
    "thn tahun\n"
    "hr hari\n"
    "dmn dimana\n"
    "sblm sebelum\n"
    "ttg tentang\n"
    "tlg tolong\n"
    "mhn mohon\n"
    "gimana bagaimana\n"
    "ujan hujan\n"
    "deres deras\n"
    "gede besar\n"
    "ilang hilang\n"
    "jatoh jatuh\n"
    "duit uang\n"
    "akte akta\n"
    "blanko blangko\n"
    "antri antre\n"
    "ngantri antre\n"
    "antrian antre\n"
    "lobang lubang\n"
    "bolong lubang\n"
    "berlobang berlubang\n"
    "amblas ambles\n"
    "bis bus\n"
    "honor honorer\n"
    "bener baik\n"
    "benerin baik\n"
    "nunggu tunggu\n"
    "ngurus urus\n"
    "nyapu sapu\n"
    "nimpa timpa\n"
    "narik tarik\n"
    "nolak tolak\n"
    "ngalir alir\n"
    "berenti henti\n"
    "brenti henti\n"
    "ngelupas kelupas\n"
    "elupas kelupas\n"
    "lupas kelupas\n"
    "dimintain minta\n"
    "mintain minta\n"
    "ngecor cor\n"
    "anak2 anak\n"
    "deket dekat\n"
    "dket dekat\n"
    "dateng datang\n"
    "dtg datang\n"
    "dtng datang\n"
    "malem malam\n"
    "mlm malam\n"
    "rebu ribu\n"
    "rb ribu\n"
    "pake pakai\n"
    "pakek pakai\n"
    "ampe sampai\n"
    "dikit sedikit\n"
    "cepet cepat\n"
    "cpt cepat\n"
    "skrang sekarang\n"
    "skarang sekarang\n"
    "item hitam\n"
    "ijo hijau\n"
    "nyebrang seberang\n"
    "nyeberang seberang\n"
    "kelar selesai\n"
    "mabok mabuk\n"
    "kran keran\n"
    // Regional words for the same (Javanese, Sundanese, Minang, Banjar, Manado and Ambon
    // Malay; KBBI marks them as regional): negations, "already", house, near, child, school.
    "ora tidak\n"
    "teu tidak\n"
    "indak tidak\n"
    "kada tidak\n"
    "tra tidak\n"
    "sonde tidak\n"   // Kupang
    "tara tidak\n"    // Papua, North Maluku
    "hana tidak\n"    // Acehnese
    "ra tidak\n"      // Javanese, short for "ora"
    "durung belum\n"  // Javanese
    "urung belum\n"
    "acan belum\n"  // Sundanese
    "can belum\n"
    "kaluar keluar\n"
    "iduik hidup\n"  // Minang
    "urip hidup\n"   // Javanese
    "wis sudah\n"
    "wes sudah\n"
    "omah rumah\n"
    "umah rumah\n"
    "imah rumah\n"
    "cedhak dekat\n"
    "cedak dekat\n"
    "caket dekat\n"
    "adoh jauh\n"
    "akeh banyak\n"
    "suwe lama\n"
    "saiki sekarang\n"
    "bocah anak\n"
    "sakola sekolah\n"
    "sakolah sekolah\n"
    "iwak ikan\n"
    "mambu bau\n"
    "walungan sungai\n"
    // Content words of the same languages for what reports are about, from their
    // dictionaries (Bausastra Jawa, Kamus Basa Sunda, Kamus Minangkabau): water, dirt,
    // breaking and drying up, dark and lit, paying, leaving and entering.
    "aer air\n"
    "aia air\n"
    "butek kotor\n"
    "buthek kotor\n"
    "asat kering\n"
    "pegat putus\n"
    "pedhot putus\n"
    "pedot putus\n"
    "ruksak rusak\n"
    "poek gelap\n"
    "pareum mati\n"
    "mayar bayar\n"
    "mbayar bayar\n"
    "bayia bayar\n"
    "duwit uang\n"
    "mlebu masuk\n"
    "metu keluar\n"
    "solokan saluran\n"
    "taneuh tanah\n"
    "budak anak\n"
    "gendheng genteng\n"
    "hese sulit\n"
    "lara sakit\n"
    "karajo kerja\n"
    "tutuik tutup\n"
    "lambek lambat\n"
    "gadang besar\n"
    "pigi pergi\n"
    // More of the same from the other regions and registers, from their dictionaries
    // (Kamus Bahasa Palembang, Kamus Bali-Indonesia, Kamus Banjar, Kamus Dialek Melayu
    // Manado and Ambon) and the krama of Javanese: negations and "already", water, big,
    // money, night and now, clean and dirty. Left out, though they are the same words: those
    // that are names of places or people too, since a key here is an ordinary word and no
    // longer a place (PlaceNames): "pitu", "tenga" and "balong" (districts), "kecik" and
    // "kacil" (Pasar Kecil), "oto" (Jl. Oto Iskandar Dinata), "kasi" (a district, and a
    // section's head), and the number words ("songo" in Kesongo, "tigo" in Tigo Nagari).
    // More of the regions' words are in regional_words.cpp.
    "idak tidak\n"       // Palembang, Jambi, Bengkulu
    "nyanda tidak\n"     // Manado
    "trada tidak\n"      // Papua
    "tusing tidak\n"     // Balinese
    "nenten tidak\n"     // Balinese
    "henteu tidak\n"     // Sundanese
    "mboten tidak\n"     // Javanese krama
    "boten tidak\n"      // Javanese krama
    "dereng belum\n"     // Javanese krama
    "sampun sudah\n"     // Javanese krama
    "suba sudah\n"       // Balinese
    "ayik air\n"         // Palembang
    "ganal besar\n"      // Banjar
    "ageung besar\n"     // Sundanese
    "anyut hanyut\n"     // Malay
    "kanai kena\n"       // Minang
    "galok gelap\n"      // Minang
    "pitih uang\n"       // Minang
    "dhuwit uang\n"      // Javanese
    "peuting malam\n"    // Sundanese
    "beurang siang\n"    // Sundanese
    "kamari kemarin\n"   // Sundanese
    "ayeuna sekarang\n"  // Sundanese
    "sesuk besok\n"      // Javanese
    "resik bersih\n"     // Javanese
    "reged kotor\n"      // Javanese
    "turu tidur\n"       // Javanese
    "muni bunyi\n"       // Javanese
    "rame ramai\n"
    "bubrah rusak\n"       // Javanese
    "kathah banyak\n"      // Javanese krama
    "kase kasih\n"         // eastern Malay: to give ("kase tau")
    "basudara saudara\n"   // Ambon
    "bataria teriak\n"     // Manado
    "mangarti mengerti\n"  // Manado
    "kadada tidak\n"       // Banjar: there is none
    "tadak tidak\n"        // Pontianak
    "balom belum\n"        // Ambon
    "kawa bisa\n"          // Banjar
    "bise bisa\n"          // Pontianak, Riau
    "tido tidur\n"         // Pontianak, Riau
    "lia lihat\n"          // Manado
    "kamarin kemarin\n"    // Ambon
    "wulan bulan\n"        // Javanese
    "taon tahun\n"         // Betawi
    // Places, in the abbreviations of addresses.
    "gg gang\n"
    "ds desa\n"
    "dsn dusun\n"
    "kp kampung\n"
    "kamp kampung\n"
    "perum perumahan\n"
    "komp komplek\n"
    "kompleks komplek\n"
    "kec kecamatan\n"
    "kel kelurahan\n"
    // The regions' own names of the same ranks: Yogyakarta's kalurahan and kapanewon,
    // Papua's distrik, Lampung's tiyuh (its "pekon" is among the regional words). Not
    // Yogyakarta city's kemantren nor West Sumatra's jorong: villages and a district are
    // named so.
    "kalurahan kelurahan\n"
    "kapanewon kecamatan\n"
    "distrik kecamatan\n"
    "tiyuh desa\n"
    "kab kabupaten\n"
    "kot kota\n"
    "prov provinsi\n"
    "kompl komplek\n"
    "nmr nomor\n"
    "no nomor\n"
    // Numbers in words and in digits: "tiga bulan", "3 bulan".
    "satu 1\n"
    "dua 2\n"
    "tiga 3\n"
    "empat 4\n"
    "lima 5\n"
    "enam 6\n"
    "tujuh 7\n"
    "delapan 8\n"
    "sembilan 9\n"
    "sepuluh 10\n";

// Towns, provinces and main streets by the short names their people use (the region list
// has only the official ones). Apart from the spellings: the names they stand for are no
// words of the lexicon, so that "Bandung" and "Gatot Subroto" stay names by their capitals.
constexpr std::string_view kPlaceNicknames =
    "jogja yogyakarta\n"
    "yogya yogyakarta\n"
    "jogjakarta yogyakarta\n"
    "siantar pematangsiantar\n"
    "solo surakarta\n"
    "suroboyo surabaya\n"
    "sby surabaya\n"
    "smg semarang\n"
    "bdg bandung\n"
    "mks makassar\n"
    "pku pekanbaru\n"
    "plg palembang\n"
    "mdn medan\n"
    "ptk pontianak\n"
    "smd samarinda\n"
    "dps denpasar\n"
    "mlg malang\n"
    "jkt jakarta\n"
    "bukiktinggi bukittinggi\n"
    "tangsel tangerang selatan\n"
    "jaksel jakarta selatan\n"
    "jaktim jakarta timur\n"
    "jakbar jakarta barat\n"
    "jakut jakarta utara\n"
    "jakpus jakarta pusat\n"
    "jabar jawa barat\n"
    "jateng jawa tengah\n"
    "jatim jawa timur\n"
    "gatsu gatot subroto\n"
    "sumut sumatera utara\n"
    "sumbar sumatera barat\n"
    "sumsel sumatera selatan\n"
    "sulsel sulawesi selatan\n"
    "sulut sulawesi utara\n"
    "sulteng sulawesi tengah\n"
    "sultra sulawesi tenggara\n"
    "kalbar kalimantan barat\n"
    "kalsel kalimantan selatan\n"
    "kalteng kalimantan tengah\n"
    "kaltim kalimantan timur\n"
    "ntb nusa tenggara barat\n"
    "ntt nusa tenggara timur\n"
    "diy yogyakarta\n"
    "dki jakarta\n";

// Words of public services that mean the same thing here, each with the one word kept for
// all (applied to words and to stems: "pemadaman" reduces to "padam", which means "mati").
// Agency names and nicknames follow their official forms (Disdukcapil, PLN, PDAM, BPJS,
// Pemkab/Pemkot); regional words are Javanese and Sundanese as found in KBBI and in
// complaints (bangjo, uwuh, runtah, kreteg, banyu, ambrol).
constexpr std::string_view kSynonyms =
    // Drains and water.
    "got saluran\n"
    "selokan saluran\n"
    "gorong saluran\n"
    "parit saluran\n"
    "drainase saluran\n"
    "salur saluran\n"
    "mampet sumbat\n"
    "buntu sumbat\n"
    "ledeng pdam\n"
    "banyu air\n"
    "cai air\n"
    "genang banjir\n"
    "kebanjiran banjir\n"
    "luap banjir\n"
    "mbludak banjir\n"
    // Lights and power.
    "pju lampu\n"
    "terang lampu\n"
    "padam mati\n"
    "pln listrik\n"
    "bangjo lampu lintas\n"
    "apill lampu lintas\n"
    "traffic lampu lintas\n"
    "light lampu\n"
    "peteng gelap\n"
    // Roads and buildings.
    "hancur rusak\n"
    "ancur rusak\n"
    "ajur rusak\n"
    "copot lepas\n"
    "rubuh roboh\n"
    "ambruk roboh\n"
    "ambrol roboh\n"
    "runtuh roboh\n"
    "tumbang roboh\n"
    "anjlok ambles\n"
    "kreteg jembatan\n"
    "mangkrak bengkalai\n"
    // Waste.
    "uwuh sampah\n"
    "runtah sampah\n"
    "numpuk tumpuk\n"
    "tps sampah\n"
    "tpa sampah\n"
    "jorok kotor\n"
    "keruh kotor\n"
    "wc toilet\n"
    // Pipes that burst.
    "pecah bocor\n"
    "nyembur bocor\n"
    "sembur bocor\n"
    "muncrat bocor\n"
    // Lights out, power cuts.
    "gelap mati\n"
    "byarpet mati\n"
    "nonaktif mati\n"
    // Walkways, tunnels, holes, tangles.
    "pedestrian trotoar\n"
    "pedestri trotoar\n"
    "underpass terowongan\n"
    "growong lubang\n"
    "kubang lubang\n"
    "ruwet semrawut\n"
    "kusut semrawut\n"
    "sasak jembatan\n"
    "caah banjir\n"
    "rob banjir\n"
    // Staff who snap at citizens.
    "galak kasar\n"
    "judes kasar\n"
    "ketus kasar\n"
    "jutek kasar\n"
    "bentak kasar\n"
    // Red tape.
    "ribet sulit\n"
    "belit sulit\n"
    "rumit sulit\n"
    "susah sulit\n"
    // Order and safety.
    "pol satpol\n"
    "lapak dagang\n"
    "jambret curi\n"
    "copet curi\n"
    "maling curi\n"
    "rampok curi\n"
    "miras mabuk\n"
    "berisik bising\n"
    "ribut bising\n"
    "sound suara\n"
    "speaker suara\n"
    // Health and housing.
    "dbd demam darah\n"
    "fogging asap\n"
    "rusunawa rusun\n"
    "rusunami rusun\n"
    // Apps and the web.
    "apk aplikasi\n"
    "app aplikasi\n"
    "aplikas aplikasi\n"
    "daring online\n"
    // Agencies and their documents.
    "disdukcapil dukcapil\n"
    "capil dukcapil\n"
    "dispendukcapil dukcapil\n"
    "duduk dukcapil\n"
    "ektp ktp\n"
    "elektronik ktp\n"
    "pemkab pemda\n"
    "pemkot pemda\n"
    "pemprov pemda\n"
    "pemko pemda\n"  // the city government in Sumatra and Kalimantan
    "perintah pemda\n"
    "pkm puskesmas\n"
    "rs rsud\n"
    "jkn bpjs\n"
    "kis bpjs\n"
    "keluarga kk\n"
    "jukir parkir\n"
    "pkl dagang\n"
    "pedagang dagang\n"
    "angkutan angkot\n"
    "sdn sd\n"
    "smpn smp\n"
    "sman sma\n"
    "smkn smk\n"
    // The web.
    "web website\n"
    "situs website\n"
    "laman website\n"
    "portal website\n"
    "error down\n"
    "eror down\n"
    "jaringan sinyal\n"
    "tower menara\n"
    // Money asked where it should not be.
    "bansos bantu sosial\n"
    "pungli pungut\n"
    "palak pungut\n"
    "paksa langgar\n"
    // Fares and fees.
    "ongkos tarif\n"
    "biaya tarif\n"
    "bayar tarif\n"
    "bump polisi tidur\n"
    "speed polisi tidur\n"
    "informasi info\n"
    // Time and waiting.
    "berjam jam\n"
    "lelet lambat\n"
    "lemot lambat\n"
    "telat lambat\n"
    "lama lambat\n"
    "tunggak lambat\n";

// Words that say nothing about which problem a report is about: function words, greetings,
// time words (the days and months too: when, not what, and with their capital no place's
// name, "tutup hari Jumat") and vague nouns, from the Indonesian list of the npm package `stopword`
// and the tuning pairs; chat particles (sih, dong, kok) added.
constexpr std::string_view kStopwords =
    "yang "
    "dan "
    "di "
    "ke "
    "dari "
    "ini "
    "itu "
    "dengan "
    "untuk "
    "pada "
    "dalam "
    "atau "
    "juga "
    "sudah "
    "belum "
    "tidak "
    "ada "
    "akan "
    "karena "
    "oleh "
    "saya "
    "kami "
    "kita "
    "mereka "
    "sangat "
    "sekali "
    "banget "
    "lagi "
    "masih "
    "hanya "
    "bisa "
    "dapat "
    "agar "
    "supaya "
    "mohon "
    "tolong "
    "segera "
    "harap "
    "bapak "
    "ibu "
    "pak "
    "bu "
    "terima "
    "kasih "
    "sejak "
    "sampai "
    "hingga "
    "lebih "
    "para "
    "pun "
    "saja "
    "jadi "
    "tapi "
    "tetapi "
    "namun "
    "kalau "
    "jika "
    "apa "
    "telah "
    "sedang "
    "setiap "
    "semua "
    "seperti "
    "tersebut "
    "yth "
    "kepada "
    "kenapa "
    "bagaimana "
    "sehingga "
    "sering "
    "selalu "
    "terus "
    "sama "
    "kali "
    "tanpa "
    "pernah "
    "harus "
    "mau "
    "ingin "
    "kok "
    "nih "
    "sih "
    "dong "
    "ya "
    "mengenai "
    "tentang "
    "kemarin "
    "sekarang "
    "hari "
    "minggu "
    "bulan "
    "tahun "
    "the "
    "of "
    "a "
    "an "
    "is "
    "are "
    "and "
    "to "
    "in "
    "at "
    "mengapa "
    "adalah "
    "ialah "
    "bahwa "
    "kemudian "
    "lalu "
    "setelah "
    "sebelum "
    "banyak "
    "orang "
    "warga "
    "kawasan "
    "daerah "
    "sekitar "
    "depan "
    "dekat "
    "negeri "
    "makin "
    "semakin "
    "padahal "
    "bikin "
    "membuat "
    "dibiarkan "
    "tadi "
    "memang "
    "dimana "
    "deh "
    "kan "
    "loh "
    "lho "
    "nya "
    "tuh "
    "gitu "
    "gini "
    "aja "
    "katanya "
    "kata "
    "udah "
    "pas "
    "biar "
    "trus "
    "ok "
    "pagi "
    "siang "
    "sore "
    "malam "
    "kemaren "
    "besok "
    "mulai "
    "awal "
    "sebelah "
    "tempat "
    "lokasi "
    "kondisi "
    "mohon "
    "segera "
    "tindak "
    "lanjut "
    "pihak "
    "terkait "
    "instansi "
    "dinas "
    "kantor "
    "laporan "
    "lapor "
    "melaporkan "
    "pengaduan "
    "keluhan "
    "mengeluh "
    "masyarakat "
    "sekali "
    "parah "
    "el "
    "e "
    "lewat "
    "aduh "
    "tolonglah "
    "ayo "
    "gimana "
    "cuma "
    "doang "
    "tau "
    "tahu "
    "pula "
    "dimintai "
    "sebulan "
    "seminggu "
    "setahun "
    "seharian "
    "berhari "
    "selama "
    "mulai "
    "rp "
    "senin "
    "selasa "
    "rabu "
    "kamis "
    "jumat "
    "sabtu "
    "ahad "
    "januari "
    "februari "
    "maret "
    "april "
    "mei "
    "juni "
    "juli "
    "agustus "
    "september "
    "oktober "
    "november "
    "desember "
    // The function words of the regional languages and Malay varieties citizens write in
    // (prepositions, pronouns, particles, "please", "every", "must"), as KBBI and the
    // grammars of each describe them: Javanese, Sundanese, Minang, Betawi, Palembang,
    // Banjar, Makassar, Sasak, and the Malay of Manado, Ambon, Kupang and Papua. Rare in a
    // formal report, so without this they weigh as much as a street's name.
    // Javanese.
    "nang "
    "kudu "
    "neng "
    "ning "
    "sing "
    "iku "
    "iki "
    "kuwi "
    "opo "
    "ono "
    "onok "
    "saben "
    "tulung "
    "nyuwun "
    "mbok "
    "piye "
    "dhewe "
    "dewe "
    "maneh "
    "meneh "
    "jarene "
    "jare "
    "saka "
    "nganti "
    "lan "
    "utawa "
    "yen "
    "nek "
    "dadi "
    "iso "
    "isa "
    "ae "
    "rek "
    "ngarep "
    "mburi "
    "sandhing "
    "sampeyan "
    "kulo "
    "wingi "
    "esuk "
    "bengi "
    "mbengi "
    "dino "
    "sasi "
    "taun "
    "karek "
    "wae "
    "bae "
    // Sundanese.
    "teh "
    "hareupeun "
    "payuneun "
    "tukangeun "
    "gigireun "
    "mah "
    "atuh "
    "punten "
    "kumaha "
    "naon "
    "naha "
    "bet "
    "keur "
    "jeung "
    "mun "
    "lamun "
    "deui "
    "pisan "
    "oge "
    "tiasa "
    "abdi "
    "kuring "
    "tos "
    "parantos "
    "sareng "
    "ti "
    "nu "
    "eta "
    "ieu "
    "urang "
    "keneh "
    // Minang and Palembang.
    "nan "
    "jo "
    "sajo "
    "bana "
    "lah "
    "alah "
    "awak "
    "ambo "
    "baa "
    "iko "
    "tu "
    "juo "
    "lai "
    "nian "
    "galo "
    "ado "
    "kalo "
    "biso "
    "nyo "
    "la "
    // Betawi.
    "aje "
    "ame "
    "entu "
    "ntu "
    "kite "
    "ente "
    "aye "
    "nyang "
    "udeh "
    "pade "
    "ade "
    // Banjar, Makassar, Sasak, and the Malay of Manado, Ambon, Kupang and Papua.
    "ulun "
    "pian "
    "haja "
    "kah "
    "ji "
    "ki "
    "pale "
    "ta "
    "torang "
    "katong "
    "dorang "
    "su "
    "so "
    "pi "
    "jua "
    "samua "
    "mo "
    "ni "
    "skali "
    "bilang "
    "ko "
    "sa "
    "inaq "
    "amaq "
    // More function words of the same: Palembang and Jambi (-o for -a), Minang, Manado,
    // Ambon and Papua, Sundanese, Javanese krama, Betawi and the Malay of Pontianak (-e).
    "kagek "
    "apo "
    "samo "
    "jugo "
    "kito "
    "mano "
    "dio "
    "cak "
    "sadonyo "
    "disinan "
    "ngana "
    "bagini "
    "bagitu "
    "pe "
    "de "
    "beta "
    "musti "
    "macam "
    "hungkul "
    "euy "
    "ngan "
    "cenah "
    "aya "
    "kitu "
    "kieu "
    "wonten "
    "niki "
    "niku "
    "sanget "
    "ing "
    "tho "
    "kenape "
    "ape "
    "saye "
    "kame "
    "kamek "
    "sayo "
    "bah "
    "tawwa "
    "kodong "
    "ngoni "
    "akang "
    "deng "
    "kam "
    "botong "
    "bosong "
    "jani "
    "jeg "
    "gati "
    "sajan "
    "uah ";

// The short names of regional agencies (dinas) as their own signs and letters spell them: words
// of the lexicon, never a place however they are capitalised ("Dishub Kabupaten Bekasi").
constexpr std::string_view kAgencies =
    "dishub "
    "dinsos "
    "dinkes "
    "disdik "
    "dikbud "
    "disnaker "
    "diskominfo "
    "dispora "
    "disperkim "
    "dispar "
    "dlh "
    "dpupr "
    "pupr "
    "bpbd "
    "satpol "
    "dprd "
    "bappeda "
    "bpjs "
    "pln "
    "pdam "
    "dukcapil "
    // Offices and programmes of the regions and the ministries' local units.
    "inspektorat "
    "bapenda "
    "perkim "
    "dpmptsp "
    "bpkad "
    "samsat "
    "ombudsman "
    "bpn "
    "damkar "
    "bumdes "
    "apbdes "
    "musdes "
    "bksda "
    "bpjn "
    "asdp "
    "kemenag "
    "kemensos "
    "disperindag "
    "kominfo ";

// Negated words with the term the pair stands for.
constexpr std::string_view kNegated =
    "ramah kasar\n"
    "sopan kasar\n"
    "hurung mati\n"
    "nyala mati\n"
    "menyala mati\n"
    "hidup mati\n"
    "idup mati\n"
    "berfungsi mati\n"
    "fungsi mati\n"
    "jalan mati\n"
    "aktif mati\n"
    "mengalir mati\n"
    "ngalir mati\n"
    "alir mati\n"
    "keluar mati\n"
    "nyambung mati\n"
    "akses down\n"
    "diakses down\n"
    "dibuka down\n"
    "buka tutup\n"
    "hadir bolos\n"
    "masuk bolos\n"
    "sesuai langgar\n";

// What "sampai" (chat: "smp") is followed by when it says how far or how long: a height the
// water reached, a time, a way (shared/terms.cpp, smp_is_sampai); and, after a number, the
// units of a length, an amount or a count ("smp 50 cm", "smp 2 juta"), times aside.
constexpr std::string_view kHowFar =
    "lutut pinggang dada betis paha leher atap mata sekarang kini malam pagi siang sore subuh "
    "besok larut dini jam pukul hari minggu bulan tahun ke sini sana habis tengah tgh ujung "
    "dengan saat kapan selesai ";
constexpr std::string_view kMeasures = "cm m meter km menit rb ribu juta kali x ";

// Words after which a name follows (canonical forms; "jl", "gg", "kec" are unified first).
constexpr std::string_view kPlaceMarkers =
    "jalan gang desa dusun kelurahan kecamatan kabupaten "
    "kampung perumahan komplek blok pasar terminal stasiun "
    "simpang perempatan pertigaan bundaran sungai puskesmas rsud "
    "halte jembatan tol underpass lingkungan nagari gampong "
    "dukuh raya alun lapangan pantai waduk bendungan "
    "sd smp sma smk mi mts ma "
    "rt rw nomor km kota ";

// The ranks and honorifics a street's namesake carries, written or left out ("Jl. Jenderal
// Sudirman" and "jl sudirman", "Jl. Kapten Muslihat" and "kapten muslihat", "Jl. KH. Hasyim
// Ashari"): part of no name.
// Written whole, they end a sentence as any word does; written short ("Jend.", "Kol.", "Hj.")
// their full stop ends none.
constexpr std::string_view kNameTitles =
    "jenderal jendral kolonel letnan kapten mayor laksamana marsekal komodor sersan kopral "
    "gubernur haji ";
constexpr std::string_view kShortNameTitles =
    "jend jen brigjen brigjend brig mayjen mayjend letjen letjend let kol letkol letda lettu "
    "kapt kap laks laksda kom kombes gub hj kh prof ir drs dra ust ";

// First names written short before a name ("Jl. Moh. Hatta", "Jl. Abd. Muis").
constexpr std::string_view kShortFirstNames = "moh muh abd ach ";

// The small words a title in Title Case leaves in small letters ("Ambulans Dipakai untuk
// Kepentingan Pribadi"), as the spelling rules have it for prepositions and conjunctions;
// those of four letters or more, the only ones the count of capitals reads.
constexpr std::string_view kTitleSmallWords =
    "dari yang untuk pada atau oleh bagi tentang terhadap dalam sebagai karena agar serta "
    "tanpa kepada ";

// Place markers that only say what kind of address follows; they are not the problem's
// subject (unlike "jalan", "pasar" or "puskesmas"), so they are not matched as terms.
constexpr std::string_view kAddressWords =
    "desa dusun kelurahan kecamatan kabupaten kampung perumahan "
    "komplek blok gang rt rw nomor lingkungan "
    "nagari gampong dukuh km provinsi kota ";

// Ordinary words of reports that may follow a place marker ("jalan rusak", "pasar becek",
// "desa kami") or that name a region too (Selesai, Tanggul, Damai: districts in the region
// list). From the tuning pairs, the districts whose names are common words, and what roads,
// bridges and roofs are made of ("jembatan kayu" is a wooden bridge, not one named Kayu).
constexpr std::string_view kCommonWords =
    "rusak berlubang lubang utama umum tol provinsi "
    "nasional setapak poros alternatif protokol menuju masuk "
    "keluar licin sempit gelap becek ambles retak "
    "longsor macet banjir tergenang berdebu ditutup tutup "
    "tradisional induk hewan ikan sayur ramai kumuh "
    "kotor bau terpencil wisata adat setempat sebelah "
    "tetangga kota kabupaten lingkungan sekitarnya sini situ "
    "sana selesai tanggul pinggir gantung damai setia "
    "tetap petir ujung puncak teras candi bintang "
    "permata mutiara semen lembur teriak telaga geger "
    "bina mulia ayah periuk pesantren merdeka simpang "
    "lama raya batu air pasar taman tengah "
    "utara selatan barat timur sungai tanjung gunung "
    "bukit padang muara kuala panjang besar kecil "
    "tinggi rendah jaya indah makmur sari mekar "
    "sentosa sejahtera harapan karang kampung banjar kebun "
    "sawah tanah rawa danau laut pantai pulau "
    "teluk baru medan malang sedan web kali "
    "kayu besi beton bambu papan kaca seng "
    "mati padam sampah parkir liar sekolah pohon "
    "lampu listrik kabel tiang pipa bocor trotoar "
    "aspal saluran got selokan irigasi sawah rumah "
    "warga anak murid guru pasien dokter obat "
    "antre bus angkot ojek truk motor mobil "
    "kendaraan pengendara pejalan kaki penumpang petugas pegawai "
    "bahaya berbahaya rawan miring roboh tumbang jebol "
    "putus hilang dicuri kering keruh penuh kosong "
    "mahal murah gratis lambat cepat buruk bagus "
    "baik benar salah atas bawah dalam luar "
    "samping belakang seberang arah perbatasan pertigaan perempatan "
    "dekat jauh ujungnya tiap hujan deras lebat ";

// What goes wrong, as terms (after unification), by kind: two reports at one place that each
// say what is wrong and share no kind of it are about different problems (a leaking pipe and a
// rising bill at the same street), while two words of one kind tell one fault ("sampah
// menumpuk" and "tidak diangkut"; "pungutan" and "tarif"). From the problem kinds of the
// tuning pairs and of the categories; the kinds follow how SP4N-LAPOR! reports are sorted by
// what failed: the thing broke, it stopped, it leaks, it is blocked, it is dirty, money was
// asked, the service was slow or refused.
enum FaultKind : int {
  kBroken = 1,   // damaged, fallen, cracked, holed
  kStopped,      // out, dead, offline
  kLeaking,      // a pipe or a roof
  kRunDry,       // nothing comes: water, stock, staff
  kBlocked,      // drains, floods
  kDirty,        // murky, smelly, polluted
  kNoisy,        // noise
  kUncollected,  // rubbish piling up, not taken away
  kMoneyAsked,   // fees, illegal levies, bills
  kSlow,         // waiting, queues, documents not issued, funds not paid out
  kRefused,      // turned away, closed, absent
  kJammed,       // traffic
  kUnlawful,     // illegal, against the rules, unsafe
  kLost,         // missing, stolen
  kRude,         // staff who snap at citizens
};

struct FaultWord {
  std::string_view term;
  FaultKind kind;
};

constexpr FaultWord kFaultWords[] = {
    {"rusak", kBroken},       {"lubang", kBroken},      {"kelupas", kBroken},
    {"ambles", kBroken},      {"retak", kBroken},       {"roboh", kBroken},
    {"jebol", kBroken},       {"longsor", kBroken},     {"miring", kBroken},
    {"lepas", kBroken},       {"putus", kBroken},       {"mati", kStopped},
    {"down", kStopped},       {"bocor", kLeaking},      {"kering", kRunDry},
    {"kosong", kRunDry},      {"habis", kRunDry},       {"sumbat", kBlocked},
    {"banjir", kBlocked},     {"becek", kBlocked},      {"kotor", kDirty},
    {"bau", kDirty},          {"limbah", kDirty},       {"polusi", kDirty},
    {"debu", kDirty},         {"kumuh", kDirty},        {"bising", kNoisy},
    {"tumpuk", kUncollected}, {"angkut", kUncollected}, {"pungut", kMoneyAsked},
    {"tarif", kMoneyAsked},   {"mahal", kMoneyAsked},   {"tagih", kMoneyAsked},
    {"lambat", kSlow},        {"antre", kSlow},         {"proses", kSlow},
    {"terbit", kSlow},        {"cair", kSlow},          {"tolak", kRefused},
    {"bolos", kRefused},      {"tutup", kRefused},      {"macet", kJammed},
    {"liar", kUnlawful},      {"langgar", kUnlawful},   {"rawan", kUnlawful},
    {"hilang", kLost},        {"kasar", kRude},
};

// What a report is about, as terms (after unification and affixes), by kind: two reports
// at one place that each name what they are about and share no kind of it are about two
// problems (a street light out and a drain cover stolen on one road; a broken bus shelter and
// a bus that does not stop there). Things and services only: places are where, not what.
// From the subjects of the tuning pairs and of the categories (roads and lights, water,
// waste, transport, documents, aid, schools, health). Left out: what is also a landmark
// (halte, jembatan: "dekat jembatan"), what affixes make of ordinary words (mengular ->
// ular, pertimbangan -> timbang) and what reports mention in passing (aplikasi, proyek).
constexpr std::string_view kSubjects[] = {
    "lampu listrik kabel",  // street lights and power ("mati lampu" is a power cut)
    "marka zebra",          // road markings
    "saluran",              // drains
    "pdam pipa pompa",      // piped water
    "trotoar paving",       // pavements
    "dagang",               // street vendors
    "parkir",               // parking
    "sampah",               // waste
    "bus",                  // buses ("angkutan" is any transport: a mining truck's too)
    "kapal",                // boats and ferries
    "dokter obat",          // doctors and medicines (berobat: to see a doctor)
    "toilet",               // public toilets
    "pohon",                // trees
    "ktp",                  // identity cards
    "akta",                 // birth and death certificates
    "rtifikat rtipikat",    // land certificates (sertifikat, and BPN's sertipikat, as the
                            // affix rules leave them)
    "pkh blt",              // cash aid
    "bpjs",                 // health insurance
    "ragam",                // school uniforms (seragam)
    "ijazah",               // diplomas
    "spp",                  // school fees
    "website",              // the web (not apps: "lapor lewat aplikasi" is how, not what)
    "calo",                 // touts
    "amen",                 // buskers (pengamen)
    "porter",               // porters
    "taks",                 // taxis (taksi)
    "eskalator",            // escalators
    "ac",                   // air conditioning
    "mancur",               // fountains
    "pajak",                // taxes
    "imb",                  // building permits
    "guru",                 // teachers
    "atap plafon",          // roofs and ceilings
    "vaksin",               // vaccines
    "ternak sapi",          // livestock
    "monyet",               // monkeys
    "kafe",                 // cafés
    "asap",                 // smoke
    "aspal",                // road surfaces
};

// The lists are single strings, so that the browser's core downloads their letters alone
// (an array of string_views adds a pointer and a length to each word): a list of words,
// each followed by a space; a list of entries, each a line of a word, one space and what it
// stands for (one or two words).
std::vector<std::string_view> words_of(std::string_view list) {
  std::vector<std::string_view> out;
  each_word(list, [&out](std::string_view w) {
    if (!w.empty()) out.push_back(w);
  });
  return out;
}

}  // namespace

std::vector<WordPair> entries_of(std::string_view list) {
  std::vector<WordPair> out;
  for (size_t from = 0; from < list.size();) {
    size_t end = list.find('\n', from);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view line = list.substr(from, end - from);
    const size_t space = line.find(' ');
    if (space != std::string_view::npos)
      out.emplace_back(line.substr(0, space), line.substr(space + 1));
    from = end + 1;
  }
  return out;
}

namespace {

// A sorted table of lists of entries for binary search, made once: immutable after its first
// use, so reading it is safe from any thread and gives the same answers everywhere.
std::vector<Entry> sorted(std::initializer_list<std::string_view> lists) {
  std::vector<Entry> out;
  for (std::string_view list : lists) {
    const std::vector<Entry> entries = entries_of(list);
    out.insert(out.end(), entries.begin(), entries.end());
  }
  // The first entry of a word wins: spellings are unified before synonyms.
  std::stable_sort(out.begin(), out.end(),
                   [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return out;
}

std::vector<std::string_view> sorted_words(std::string_view list) {
  std::vector<std::string_view> out = words_of(list);
  std::sort(out.begin(), out.end());
  return out;
}

// Whether `w` is one of the words of `list`, sorted at first use.
template <const std::string_view& list>
bool listed(std::string_view w) {
  static const std::vector<std::string_view> words = sorted_words(list);
  return std::binary_search(words.begin(), words.end(), w);
}

std::string_view look_up(const std::vector<Entry>& table, std::string_view w) {
  const auto it = std::lower_bound(table.begin(), table.end(), w,
                                   [](const Entry& e, std::string_view k) { return e.first < k; });
  return it != table.end() && it->first == w ? it->second : std::string_view();
}

}  // namespace

std::string_view canonical_word(std::string_view w) {
  static const std::vector<Entry> table = sorted({kSpellings, kPlaceNicknames, kSynonyms});
  const std::string_view to = look_up(table, w);
  if (to.empty()) return w;
  // A word's word may have a synonym of its own, followed once: the stem of "kepetengan"
  // (Javanese, in the dark) is "peteng", which is "gelap", which a report means as "mati".
  // (A word as typed is looked up again as its stem, in terms_of, shared/terms.cpp.)
  const std::string_view then =
      to.find(' ') == std::string_view::npos ? look_up(table, to) : std::string_view();
  return then.empty() ? to : then;
}

bool is_stopword(std::string_view w) { return listed<kStopwords>(w); }

std::string_view negated_word(std::string_view w) {
  static const std::vector<Entry> table = sorted({kNegated});
  return look_up(table, w);
}

bool is_lexicon_word(std::string_view w) {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out = words_of(kAgencies);
    for (std::string_view list : {kSpellings, kSynonyms}) {
      for (const Entry& entry : entries_of(list)) {
        each_word(entry.second, [&](std::string_view w) { out.push_back(w); });
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return std::binary_search(words.begin(), words.end(), w);
}

bool is_agency_word(std::string_view w) { return listed<kAgencies>(w); }

std::string_view regional_word(std::string_view w) {
  static const std::vector<Entry> table = sorted({regional_words()});
  return look_up(table, w);
}

bool is_place_marker(std::string_view w) { return listed<kPlaceMarkers>(w); }
bool says_how_far(std::string_view w) { return listed<kHowFar>(w); }
bool is_measure(std::string_view w) { return listed<kMeasures>(w); }

namespace {

// (term, kind) pairs sorted by term, for the words that sort terms into kinds.
using KindTable = std::vector<std::pair<std::string_view, int>>;

KindTable sorted_kinds(KindTable table) {
  std::sort(table.begin(), table.end());
  return table;
}

int kind_of(const KindTable& table, std::string_view term) {
  const auto it = std::lower_bound(table.begin(), table.end(), term,
                                   [](const auto& w, std::string_view t) { return w.first < t; });
  return it != table.end() && it->first == term ? it->second : 0;
}

}  // namespace

int fault_kind(std::string_view term) {
  static const KindTable words = [] {
    KindTable out;
    for (const FaultWord& w : kFaultWords) out.emplace_back(w.term, w.kind);
    return sorted_kinds(std::move(out));
  }();
  return kind_of(words, term);
}

bool is_problem_word(std::string_view term) { return fault_kind(term) != 0; }

int subject_kind(std::string_view term) {
  // The kind is the line's place in kSubjects, from 1.
  static const KindTable words = [] {
    KindTable out;
    for (size_t kind = 0; kind < std::size(kSubjects); ++kind) {
      each_word(kSubjects[kind],
                [&](std::string_view w) { out.emplace_back(w, static_cast<int>(kind) + 1); });
    }
    return sorted_kinds(std::move(out));
  }();
  return kind_of(words, term);
}

bool is_address_word(std::string_view w) { return listed<kAddressWords>(w); }

bool is_name_title(std::string_view w) {
  return listed<kNameTitles>(w) || listed<kShortNameTitles>(w);
}

bool is_name_abbreviation(std::string_view w) {
  return listed<kShortNameTitles>(w) || listed<kShortFirstNames>(w);
}

bool is_title_small_word(std::string_view w) { return listed<kTitleSmallWords>(w); }

bool is_common_word(std::string_view w) {
  return listed<kCommonWords>(w) || is_stopword(w) || canonical_word(w) != w;
}

}  // namespace aduan::internal
