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
constexpr Entry kSpellings[] = {
    {"gak", "tidak"},
    {"ga", "tidak"},
    {"gk", "tidak"},
    {"g", "tidak"},
    {"nggak", "tidak"},
    {"enggak", "tidak"},
    {"engga", "tidak"},
    {"ngga", "tidak"},
    {"tdk", "tidak"},
    {"tak", "tidak"},
    {"kagak", "tidak"},
    {"ndak", "tidak"},
    {"nda", "tidak"},
    {"gabisa", "tidak"},
    {"gbs", "tidak"},
    {"yg", "yang"},
    {"dgn", "dengan"},
    {"dg", "dengan"},
    {"jln", "jalan"},
    {"jl", "jalan"},
    {"jlan", "jalan"},
    {"dalan", "jalan"},
    {"sdh", "sudah"},
    {"udah", "sudah"},
    {"udh", "sudah"},
    {"dah", "sudah"},
    {"blm", "belum"},
    {"blom", "belum"},
    {"krn", "karena"},
    {"karna", "karena"},
    {"utk", "untuk"},
    {"buat", "untuk"},
    {"dr", "dari"},
    {"sy", "saya"},
    {"aku", "saya"},
    {"gue", "saya"},
    {"gw", "saya"},
    {"kmrn", "kemarin"},
    {"skrg", "sekarang"},
    {"skr", "sekarang"},
    {"bgt", "banget"},
    {"lg", "lagi"},
    {"bnyk", "banyak"},
    {"tp", "tapi"},
    {"dpt", "dapat"},
    {"hrs", "harus"},
    {"sampe", "sampai"},
    {"trs", "terus"},
    {"trus", "terus"},
    {"gmn", "bagaimana"},
    {"knp", "kenapa"},
    {"org", "orang"},
    {"rmh", "rumah"},
    {"sklh", "sekolah"},
    {"pd", "pada"},
    {"jg", "juga"},
    {"dpn", "depan"},
    {"dkt", "dekat"},
    {"td", "tadi"},
    {"aja", "saja"},
    {"sm", "sama"},
    {"bs", "bisa"},
    {"kyk", "seperti"},
    {"emg", "memang"},
    {"bln", "bulan"},
    {"mgg", "minggu"},
    {"thn", "tahun"},
    {"hr", "hari"},
    {"dmn", "dimana"},
    {"sblm", "sebelum"},
    {"ttg", "tentang"},
    {"tlg", "tolong"},
    {"mhn", "mohon"},
    {"gimana", "bagaimana"},
    {"ujan", "hujan"},
    {"deres", "deras"},
    {"gede", "besar"},
    {"ilang", "hilang"},
    {"jatoh", "jatuh"},
    {"duit", "uang"},
    {"akte", "akta"},
    {"blanko", "blangko"},
    {"antri", "antre"},
    {"ngantri", "antre"},
    {"antrian", "antre"},
    {"lobang", "lubang"},
    {"bolong", "lubang"},
    {"berlobang", "berlubang"},
    {"amblas", "ambles"},
    {"bis", "bus"},
    {"honor", "honorer"},
    {"bener", "baik"},
    {"benerin", "baik"},
    {"nunggu", "tunggu"},
    {"ngurus", "urus"},
    {"nyapu", "sapu"},
    {"nimpa", "timpa"},
    {"narik", "tarik"},
    {"nolak", "tolak"},
    {"ngalir", "alir"},
    {"berenti", "henti"},
    {"brenti", "henti"},
    {"ngelupas", "kelupas"},
    {"elupas", "kelupas"},
    {"lupas", "kelupas"},
    {"dimintain", "minta"},
    {"mintain", "minta"},
    {"ngecor", "cor"},
    {"anak2", "anak"},
    {"deket", "dekat"},
    {"dket", "dekat"},
    {"dateng", "datang"},
    {"dtg", "datang"},
    {"dtng", "datang"},
    {"malem", "malam"},
    {"mlm", "malam"},
    {"rebu", "ribu"},
    {"rb", "ribu"},
    {"pake", "pakai"},
    {"pakek", "pakai"},
    {"ampe", "sampai"},
    {"dikit", "sedikit"},
    {"cepet", "cepat"},
    {"cpt", "cepat"},
    {"skrang", "sekarang"},
    {"skarang", "sekarang"},
    {"item", "hitam"},
    {"ijo", "hijau"},
    {"nyebrang", "seberang"},
    {"nyeberang", "seberang"},
    {"kelar", "selesai"},
    {"mabok", "mabuk"},
    {"kran", "keran"},
    // Regional words for the same (Javanese, Sundanese, Minang, Banjar, Manado and Ambon
    // Malay; KBBI marks them as regional): negations, "already", house, near, child, school.
    {"ora", "tidak"},
    {"teu", "tidak"},
    {"indak", "tidak"},
    {"kada", "tidak"},
    {"tra", "tidak"},
    {"sonde", "tidak"},   // Kupang
    {"tara", "tidak"},    // Papua, North Maluku
    {"hana", "tidak"},    // Acehnese
    {"ra", "tidak"},      // Javanese, short for "ora"
    {"durung", "belum"},  // Javanese
    {"urung", "belum"},
    {"acan", "belum"},  // Sundanese
    {"can", "belum"},
    {"kaluar", "keluar"},
    {"iduik", "hidup"},  // Minang
    {"urip", "hidup"},   // Javanese
    {"wis", "sudah"},
    {"wes", "sudah"},
    {"omah", "rumah"},
    {"umah", "rumah"},
    {"imah", "rumah"},
    {"cedhak", "dekat"},
    {"cedak", "dekat"},
    {"caket", "dekat"},
    {"adoh", "jauh"},
    {"akeh", "banyak"},
    {"suwe", "lama"},
    {"saiki", "sekarang"},
    {"bocah", "anak"},
    {"sakola", "sekolah"},
    {"sakolah", "sekolah"},
    {"iwak", "ikan"},
    {"mambu", "bau"},
    {"walungan", "sungai"},
    // Content words of the same languages for what reports are about, from their
    // dictionaries (Bausastra Jawa, Kamus Basa Sunda, Kamus Minangkabau): water, dirt,
    // breaking and drying up, dark and lit, paying, leaving and entering.
    {"aer", "air"},
    {"aia", "air"},
    {"butek", "kotor"},
    {"buthek", "kotor"},
    {"asat", "kering"},
    {"pegat", "putus"},
    {"pedhot", "putus"},
    {"pedot", "putus"},
    {"ruksak", "rusak"},
    {"poek", "gelap"},
    {"pareum", "mati"},
    {"mayar", "bayar"},
    {"mbayar", "bayar"},
    {"bayia", "bayar"},
    {"duwit", "uang"},
    {"mlebu", "masuk"},
    {"metu", "keluar"},
    {"solokan", "saluran"},
    {"taneuh", "tanah"},
    {"budak", "anak"},
    {"gendheng", "genteng"},
    {"hese", "sulit"},
    {"lara", "sakit"},
    {"karajo", "kerja"},
    {"tutuik", "tutup"},
    {"lambek", "lambat"},
    {"gadang", "besar"},
    {"pigi", "pergi"},
    // More of the same from the other regions and registers, from their dictionaries
    // (Kamus Bahasa Palembang, Kamus Bali-Indonesia, Kamus Banjar, Kamus Dialek Melayu
    // Manado and Ambon) and the krama of Javanese: negations and "already", water, big,
    // money, night and now, clean and dirty. Left out, though they are the same words: those
    // that are names of places or people too, since a key here is an ordinary word and no
    // longer a place (PlaceNames): "pitu", "tenga" and "balong" (districts), "kecik" and
    // "kacil" (Pasar Kecil), "oto" (Jl. Oto Iskandar Dinata), "kasi" (a district, and a
    // section's head), and the number words ("songo" in Kesongo, "tigo" in Tigo Nagari).
    // More of the regions' words are in regional_words.cpp.
    {"idak", "tidak"},       // Palembang, Jambi, Bengkulu
    {"nyanda", "tidak"},     // Manado
    {"trada", "tidak"},      // Papua
    {"tusing", "tidak"},     // Balinese
    {"nenten", "tidak"},     // Balinese
    {"henteu", "tidak"},     // Sundanese
    {"mboten", "tidak"},     // Javanese krama
    {"boten", "tidak"},      // Javanese krama
    {"dereng", "belum"},     // Javanese krama
    {"sampun", "sudah"},     // Javanese krama
    {"suba", "sudah"},       // Balinese
    {"ayik", "air"},         // Palembang
    {"ganal", "besar"},      // Banjar
    {"ageung", "besar"},     // Sundanese
    {"anyut", "hanyut"},     // Malay
    {"kanai", "kena"},       // Minang
    {"galok", "gelap"},      // Minang
    {"pitih", "uang"},       // Minang
    {"dhuwit", "uang"},      // Javanese
    {"peuting", "malam"},    // Sundanese
    {"beurang", "siang"},    // Sundanese
    {"kamari", "kemarin"},   // Sundanese
    {"ayeuna", "sekarang"},  // Sundanese
    {"sesuk", "besok"},      // Javanese
    {"resik", "bersih"},     // Javanese
    {"reged", "kotor"},      // Javanese
    {"turu", "tidur"},       // Javanese
    {"muni", "bunyi"},       // Javanese
    {"rame", "ramai"},
    {"bubrah", "rusak"},       // Javanese
    {"kathah", "banyak"},      // Javanese krama
    {"kase", "kasih"},         // eastern Malay: to give ("kase tau")
    {"basudara", "saudara"},   // Ambon
    {"bataria", "teriak"},     // Manado
    {"mangarti", "mengerti"},  // Manado
    {"kadada", "tidak"},       // Banjar: there is none
    {"tadak", "tidak"},        // Pontianak
    {"balom", "belum"},        // Ambon
    {"kawa", "bisa"},          // Banjar
    {"bise", "bisa"},          // Pontianak, Riau
    {"tido", "tidur"},         // Pontianak, Riau
    {"lia", "lihat"},          // Manado
    {"kamarin", "kemarin"},    // Ambon
    {"wulan", "bulan"},        // Javanese
    {"taon", "tahun"},         // Betawi
    // Places, in the abbreviations of addresses.
    {"gg", "gang"},
    {"ds", "desa"},
    {"dsn", "dusun"},
    {"kp", "kampung"},
    {"kamp", "kampung"},
    {"perum", "perumahan"},
    {"komp", "komplek"},
    {"kompleks", "komplek"},
    {"kec", "kecamatan"},
    {"kel", "kelurahan"},
    {"kab", "kabupaten"},
    {"kot", "kota"},
    {"prov", "provinsi"},
    {"kompl", "komplek"},
    {"nmr", "nomor"},
    {"no", "nomor"},
    // Numbers in words and in digits: "tiga bulan", "3 bulan".
    {"satu", "1"},
    {"dua", "2"},
    {"tiga", "3"},
    {"empat", "4"},
    {"lima", "5"},
    {"enam", "6"},
    {"tujuh", "7"},
    {"delapan", "8"},
    {"sembilan", "9"},
    {"sepuluh", "10"},
};

// Towns, provinces and main streets by the short names their people use (the region list
// has only the official ones). Apart from the spellings: the names they stand for are no
// words of the lexicon, so that "Bandung" and "Gatot Subroto" stay names by their capitals.
constexpr Entry kPlaceNicknames[] = {
    {"jogja", "yogyakarta"},
    {"yogya", "yogyakarta"},
    {"jogjakarta", "yogyakarta"},
    {"siantar", "pematangsiantar"},
    {"solo", "surakarta"},
    {"suroboyo", "surabaya"},
    {"sby", "surabaya"},
    {"smg", "semarang"},
    {"bdg", "bandung"},
    {"mks", "makassar"},
    {"pku", "pekanbaru"},
    {"plg", "palembang"},
    {"mdn", "medan"},
    {"ptk", "pontianak"},
    {"smd", "samarinda"},
    {"dps", "denpasar"},
    {"mlg", "malang"},
    {"jkt", "jakarta"},
    {"bukiktinggi", "bukittinggi"},
    {"tangsel", "tangerang selatan"},
    {"jaksel", "jakarta selatan"},
    {"jaktim", "jakarta timur"},
    {"jakbar", "jakarta barat"},
    {"jakut", "jakarta utara"},
    {"jakpus", "jakarta pusat"},
    {"jabar", "jawa barat"},
    {"jateng", "jawa tengah"},
    {"jatim", "jawa timur"},
    {"gatsu", "gatot subroto"},
    {"sumut", "sumatera utara"},
    {"sumbar", "sumatera barat"},
    {"sumsel", "sumatera selatan"},
    {"sulsel", "sulawesi selatan"},
    {"sulut", "sulawesi utara"},
    {"sulteng", "sulawesi tengah"},
    {"sultra", "sulawesi tenggara"},
    {"kalbar", "kalimantan barat"},
    {"kalsel", "kalimantan selatan"},
    {"kalteng", "kalimantan tengah"},
    {"kaltim", "kalimantan timur"},
    {"ntb", "nusa tenggara barat"},
    {"ntt", "nusa tenggara timur"},
    {"diy", "yogyakarta"},
    {"dki", "jakarta"},
};

// Words of public services that mean the same thing here, each with the one word kept for
// all (applied to words and to stems: "pemadaman" reduces to "padam", which means "mati").
// Agency names and nicknames follow their official forms (Disdukcapil, PLN, PDAM, BPJS,
// Pemkab/Pemkot); regional words are Javanese and Sundanese as found in KBBI and in
// complaints (bangjo, uwuh, runtah, kreteg, banyu, ambrol).
constexpr Entry kSynonyms[] = {
    // Drains and water.
    {"got", "saluran"},
    {"selokan", "saluran"},
    {"gorong", "saluran"},
    {"parit", "saluran"},
    {"drainase", "saluran"},
    {"salur", "saluran"},
    {"mampet", "sumbat"},
    {"buntu", "sumbat"},
    {"ledeng", "pdam"},
    {"banyu", "air"},
    {"cai", "air"},
    {"genang", "banjir"},
    {"kebanjiran", "banjir"},
    {"luap", "banjir"},
    {"mbludak", "banjir"},
    // Lights and power.
    {"pju", "lampu"},
    {"terang", "lampu"},
    {"padam", "mati"},
    {"pln", "listrik"},
    {"bangjo", "lampu lintas"},
    {"apill", "lampu lintas"},
    {"traffic", "lampu lintas"},
    {"light", "lampu"},
    {"peteng", "gelap"},
    // Roads and buildings.
    {"hancur", "rusak"},
    {"ancur", "rusak"},
    {"ajur", "rusak"},
    {"copot", "lepas"},
    {"rubuh", "roboh"},
    {"ambruk", "roboh"},
    {"ambrol", "roboh"},
    {"runtuh", "roboh"},
    {"tumbang", "roboh"},
    {"anjlok", "ambles"},
    {"kreteg", "jembatan"},
    {"mangkrak", "bengkalai"},
    // Waste.
    {"uwuh", "sampah"},
    {"runtah", "sampah"},
    {"numpuk", "tumpuk"},
    {"tps", "sampah"},
    {"tpa", "sampah"},
    {"jorok", "kotor"},
    {"keruh", "kotor"},
    {"wc", "toilet"},
    // Pipes that burst.
    {"pecah", "bocor"},
    {"nyembur", "bocor"},
    {"sembur", "bocor"},
    {"muncrat", "bocor"},
    // Lights out, power cuts.
    {"gelap", "mati"},
    {"byarpet", "mati"},
    {"nonaktif", "mati"},
    // Walkways, tunnels, holes, tangles.
    {"pedestrian", "trotoar"},
    {"pedestri", "trotoar"},
    {"underpass", "terowongan"},
    {"growong", "lubang"},
    {"kubang", "lubang"},
    {"ruwet", "semrawut"},
    {"kusut", "semrawut"},
    {"sasak", "jembatan"},
    {"caah", "banjir"},
    {"rob", "banjir"},
    // Staff who snap at citizens.
    {"galak", "kasar"},
    {"judes", "kasar"},
    {"ketus", "kasar"},
    {"jutek", "kasar"},
    {"bentak", "kasar"},
    // Red tape.
    {"ribet", "sulit"},
    {"belit", "sulit"},
    {"rumit", "sulit"},
    {"susah", "sulit"},
    // Order and safety.
    {"pol", "satpol"},
    {"lapak", "dagang"},
    {"jambret", "curi"},
    {"copet", "curi"},
    {"maling", "curi"},
    {"rampok", "curi"},
    {"miras", "mabuk"},
    {"berisik", "bising"},
    {"ribut", "bising"},
    {"sound", "suara"},
    {"speaker", "suara"},
    // Health and housing.
    {"dbd", "demam darah"},
    {"fogging", "asap"},
    {"rusunawa", "rusun"},
    {"rusunami", "rusun"},
    // Apps and the web.
    {"apk", "aplikasi"},
    {"app", "aplikasi"},
    {"aplikas", "aplikasi"},
    {"daring", "online"},
    // Agencies and their documents.
    {"disdukcapil", "dukcapil"},
    {"capil", "dukcapil"},
    {"dispendukcapil", "dukcapil"},
    {"duduk", "dukcapil"},
    {"ektp", "ktp"},
    {"elektronik", "ktp"},
    {"pemkab", "pemda"},
    {"pemkot", "pemda"},
    {"pemprov", "pemda"},
    {"pemko", "pemda"},  // the city government in Sumatra and Kalimantan
    {"perintah", "pemda"},
    {"pkm", "puskesmas"},
    {"rs", "rsud"},
    {"jkn", "bpjs"},
    {"kis", "bpjs"},
    {"keluarga", "kk"},
    {"jukir", "parkir"},
    {"pkl", "dagang"},
    {"pedagang", "dagang"},
    {"angkutan", "angkot"},
    {"sdn", "sd"},
    {"smpn", "smp"},
    {"sman", "sma"},
    {"smkn", "smk"},
    // The web.
    {"web", "website"},
    {"situs", "website"},
    {"laman", "website"},
    {"portal", "website"},
    {"error", "down"},
    {"eror", "down"},
    {"jaringan", "sinyal"},
    {"tower", "menara"},
    // Money asked where it should not be.
    {"bansos", "bantu sosial"},
    {"pungli", "pungut"},
    {"palak", "pungut"},
    {"paksa", "langgar"},
    // Fares and fees.
    {"ongkos", "tarif"},
    {"biaya", "tarif"},
    {"bayar", "tarif"},
    {"bump", "polisi tidur"},
    {"speed", "polisi tidur"},
    {"informasi", "info"},
    // Time and waiting.
    {"berjam", "jam"},
    {"lelet", "lambat"},
    {"lemot", "lambat"},
    {"telat", "lambat"},
    {"lama", "lambat"},
    {"tunggak", "lambat"},
};

// Words that say nothing about which problem a report is about: function words, greetings,
// time words (the days and months too: when, not what, and with their capital no place's
// name, "tutup hari Jumat") and vague nouns, from the Indonesian list of the npm package `stopword`
// and the tuning pairs; chat particles (sih, dong, kok) added.
constexpr std::string_view kStopwords[] = {
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "atau",
    "juga",
    "sudah",
    "belum",
    "tidak",
    "ada",
    "akan",
    "karena",
    "oleh",
    "saya",
    "kami",
    "kita",
    "mereka",
    "sangat",
    "sekali",
    "banget",
    "lagi",
    "masih",
    "hanya",
    "bisa",
    "dapat",
    "agar",
    "supaya",
    "mohon",
    "tolong",
    "segera",
    "harap",
    "bapak",
    "ibu",
    "pak",
    "bu",
    "terima",
    "kasih",
    "sejak",
    "sampai",
    "hingga",
    "lebih",
    "para",
    "pun",
    "saja",
    "jadi",
    "tapi",
    "tetapi",
    "namun",
    "kalau",
    "jika",
    "apa",
    "telah",
    "sedang",
    "setiap",
    "semua",
    "seperti",
    "tersebut",
    "yth",
    "kepada",
    "kenapa",
    "bagaimana",
    "sehingga",
    "sering",
    "selalu",
    "terus",
    "sama",
    "kali",
    "tanpa",
    "pernah",
    "harus",
    "mau",
    "ingin",
    "kok",
    "nih",
    "sih",
    "dong",
    "ya",
    "mengenai",
    "tentang",
    "kemarin",
    "sekarang",
    "hari",
    "minggu",
    "bulan",
    "tahun",
    "the",
    "of",
    "a",
    "an",
    "is",
    "are",
    "and",
    "to",
    "in",
    "at",
    "mengapa",
    "adalah",
    "ialah",
    "bahwa",
    "kemudian",
    "lalu",
    "setelah",
    "sebelum",
    "banyak",
    "orang",
    "warga",
    "kawasan",
    "daerah",
    "sekitar",
    "depan",
    "dekat",
    "negeri",
    "makin",
    "semakin",
    "padahal",
    "bikin",
    "membuat",
    "dibiarkan",
    "tadi",
    "memang",
    "dimana",
    "deh",
    "kan",
    "loh",
    "lho",
    "nya",
    "tuh",
    "gitu",
    "gini",
    "aja",
    "katanya",
    "kata",
    "udah",
    "pas",
    "biar",
    "trus",
    "ok",
    "pagi",
    "siang",
    "sore",
    "malam",
    "kemaren",
    "besok",
    "mulai",
    "awal",
    "sebelah",
    "tempat",
    "lokasi",
    "kondisi",
    "mohon",
    "segera",
    "tindak",
    "lanjut",
    "pihak",
    "terkait",
    "instansi",
    "dinas",
    "kantor",
    "laporan",
    "lapor",
    "melaporkan",
    "pengaduan",
    "keluhan",
    "mengeluh",
    "masyarakat",
    "sekali",
    "parah",
    "el",
    "e",
    "lewat",
    "aduh",
    "tolonglah",
    "ayo",
    "gimana",
    "cuma",
    "doang",
    "tau",
    "tahu",
    "pula",
    "dimintai",
    "sebulan",
    "seminggu",
    "setahun",
    "seharian",
    "berhari",
    "selama",
    "mulai",
    "rp",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "ahad",
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
    // The function words of the regional languages and Malay varieties citizens write in
    // (prepositions, pronouns, particles, "please", "every", "must"), as KBBI and the
    // grammars of each describe them: Javanese, Sundanese, Minang, Betawi, Palembang,
    // Banjar, Makassar, Sasak, and the Malay of Manado, Ambon, Kupang and Papua. Rare in a
    // formal report, so without this they weigh as much as a street's name.
    // Javanese.
    "nang",
    "kudu",
    "neng",
    "ning",
    "sing",
    "iku",
    "iki",
    "kuwi",
    "opo",
    "ono",
    "onok",
    "saben",
    "tulung",
    "nyuwun",
    "mbok",
    "piye",
    "dhewe",
    "dewe",
    "maneh",
    "meneh",
    "jarene",
    "jare",
    "saka",
    "nganti",
    "lan",
    "utawa",
    "yen",
    "nek",
    "dadi",
    "iso",
    "isa",
    "ae",
    "rek",
    "ngarep",
    "mburi",
    "sandhing",
    "sampeyan",
    "kulo",
    "wingi",
    "esuk",
    "bengi",
    "mbengi",
    "dino",
    "sasi",
    "taun",
    "karek",
    "wae",
    "bae",
    // Sundanese.
    "teh",
    "hareupeun",
    "payuneun",
    "tukangeun",
    "gigireun",
    "mah",
    "atuh",
    "punten",
    "kumaha",
    "naon",
    "naha",
    "bet",
    "keur",
    "jeung",
    "mun",
    "lamun",
    "deui",
    "pisan",
    "oge",
    "tiasa",
    "abdi",
    "kuring",
    "tos",
    "parantos",
    "sareng",
    "ti",
    "nu",
    "eta",
    "ieu",
    "urang",
    "keneh",
    // Minang and Palembang.
    "nan",
    "jo",
    "sajo",
    "bana",
    "lah",
    "alah",
    "awak",
    "ambo",
    "baa",
    "iko",
    "tu",
    "juo",
    "lai",
    "nian",
    "galo",
    "ado",
    "kalo",
    "biso",
    "nyo",
    "la",
    // Betawi.
    "aje",
    "ame",
    "entu",
    "ntu",
    "kite",
    "ente",
    "aye",
    "nyang",
    "udeh",
    "pade",
    "ade",
    // Banjar, Makassar, Sasak, and the Malay of Manado, Ambon, Kupang and Papua.
    "ulun",
    "pian",
    "haja",
    "kah",
    "ji",
    "ki",
    "pale",
    "ta",
    "torang",
    "katong",
    "dorang",
    "su",
    "so",
    "pi",
    "jua",
    "samua",
    "mo",
    "ni",
    "skali",
    "bilang",
    "ko",
    "sa",
    "inaq",
    "amaq",
    // More function words of the same: Palembang and Jambi (-o for -a), Minang, Manado,
    // Ambon and Papua, Sundanese, Javanese krama, Betawi and the Malay of Pontianak (-e).
    "kagek",
    "apo",
    "samo",
    "jugo",
    "kito",
    "mano",
    "dio",
    "cak",
    "sadonyo",
    "disinan",
    "ngana",
    "bagini",
    "bagitu",
    "pe",
    "de",
    "beta",
    "musti",
    "macam",
    "hungkul",
    "euy",
    "ngan",
    "cenah",
    "aya",
    "kitu",
    "kieu",
    "wonten",
    "niki",
    "niku",
    "sanget",
    "ing",
    "tho",
    "kenape",
    "ape",
    "saye",
    "kame",
    "kamek",
    "sayo",
    "bah",
    "tawwa",
    "kodong",
    "ngoni",
    "akang",
    "deng",
    "kam",
    "botong",
    "bosong",
    "jani",
    "jeg",
    "gati",
    "sajan",
    "uah",
};

// The short names of regional agencies (dinas) as their own signs and letters spell them: words
// of the lexicon, never a place however they are capitalised ("Dishub Kabupaten Bekasi").
constexpr std::string_view kAgencies[] = {
    "dishub",
    "dinsos",
    "dinkes",
    "disdik",
    "dikbud",
    "disnaker",
    "diskominfo",
    "dispora",
    "disperkim",
    "dispar",
    "dlh",
    "dpupr",
    "pupr",
    "bpbd",
    "satpol",
    "dprd",
    "bappeda",
    "bpjs",
    "pln",
    "pdam",
    "dukcapil",
    // Offices and programmes of the regions and the ministries' local units.
    "inspektorat",
    "bapenda",
    "perkim",
    "dpmptsp",
    "bpkad",
    "samsat",
    "ombudsman",
    "bpn",
    "damkar",
    "bumdes",
    "apbdes",
    "musdes",
    "bksda",
    "bpjn",
    "asdp",
    "kemenag",
    "kemensos",
    "disperindag",
    "kominfo",
};

// Negated words with the term the pair stands for.
constexpr Entry kNegated[] = {
    {"ramah", "kasar"},  {"sopan", "kasar"},  {"hurung", "mati"},    {"nyala", "mati"},
    {"menyala", "mati"}, {"hidup", "mati"},   {"idup", "mati"},      {"berfungsi", "mati"},
    {"fungsi", "mati"},  {"jalan", "mati"},   {"aktif", "mati"},     {"mengalir", "mati"},
    {"ngalir", "mati"},  {"alir", "mati"},    {"keluar", "mati"},    {"nyambung", "mati"},
    {"akses", "down"},   {"diakses", "down"}, {"dibuka", "down"},    {"buka", "tutup"},
    {"hadir", "bolos"},  {"masuk", "bolos"},  {"sesuai", "langgar"},
};

// Words after which a name follows (canonical forms; "jl", "gg", "kec" are unified first).
constexpr std::string_view kPlaceMarkers[] = {
    "jalan",   "gang",       "desa",      "dusun",     "kelurahan",  "kecamatan", "kabupaten",
    "kampung", "perumahan",  "komplek",   "blok",      "pasar",      "terminal",  "stasiun",
    "simpang", "perempatan", "pertigaan", "bundaran",  "sungai",     "puskesmas", "rsud",
    "halte",   "jembatan",   "tol",       "underpass", "lingkungan", "nagari",    "gampong",
    "dukuh",   "raya",       "alun",      "lapangan",  "pantai",     "waduk",     "bendungan",
    "sd",      "smp",        "sma",       "smk",       "mi",         "mts",       "ma",
    "rt",      "rw",         "nomor",     "km",        "kota",
};

// Place markers that only say what kind of address follows; they are not the problem's
// subject (unlike "jalan", "pasar" or "puskesmas"), so they are not matched as terms.
constexpr std::string_view kAddressWords[] = {
    "desa",    "dusun",   "kelurahan", "kecamatan", "kabupaten", "kampung", "perumahan",
    "komplek", "blok",    "gang",      "rt",        "rw",        "nomor",   "lingkungan",
    "nagari",  "gampong", "dukuh",     "km",        "provinsi",  "kota",
};

// Ordinary words of reports that may follow a place marker ("jalan rusak", "pasar becek",
// "desa kami") or that name a region too (Selesai, Tanggul, Damai: districts in the region
// list). From the tuning pairs, the districts whose names are common words, and what roads,
// bridges and roofs are made of ("jembatan kayu" is a wooden bridge, not one named Kayu).
constexpr std::string_view kCommonWords[] = {
    "rusak",       "berlubang",  "lubang",    "utama",      "umum",       "tol",       "provinsi",
    "nasional",    "setapak",    "poros",     "alternatif", "protokol",   "menuju",    "masuk",
    "keluar",      "licin",      "sempit",    "gelap",      "becek",      "ambles",    "retak",
    "longsor",     "macet",      "banjir",    "tergenang",  "berdebu",    "ditutup",   "tutup",
    "tradisional", "induk",      "hewan",     "ikan",       "sayur",      "ramai",     "kumuh",
    "kotor",       "bau",        "terpencil", "wisata",     "adat",       "setempat",  "sebelah",
    "tetangga",    "kota",       "kabupaten", "lingkungan", "sekitarnya", "sini",      "situ",
    "sana",        "selesai",    "tanggul",   "pinggir",    "gantung",    "damai",     "setia",
    "tetap",       "petir",      "ujung",     "puncak",     "teras",      "candi",     "bintang",
    "permata",     "mutiara",    "semen",     "lembur",     "teriak",     "telaga",    "geger",
    "bina",        "mulia",      "ayah",      "periuk",     "pesantren",  "merdeka",   "simpang",
    "lama",        "raya",       "batu",      "air",        "pasar",      "taman",     "tengah",
    "utara",       "selatan",    "barat",     "timur",      "sungai",     "tanjung",   "gunung",
    "bukit",       "padang",     "muara",     "kuala",      "panjang",    "besar",     "kecil",
    "tinggi",      "rendah",     "jaya",      "indah",      "makmur",     "sari",      "mekar",
    "sentosa",     "sejahtera",  "harapan",   "karang",     "kampung",    "banjar",    "kebun",
    "sawah",       "tanah",      "rawa",      "danau",      "laut",       "pantai",    "pulau",
    "teluk",       "baru",       "medan",     "malang",     "sedan",      "web",       "kali",
    "kayu",        "besi",       "beton",     "bambu",      "papan",      "kaca",      "seng",
    "mati",        "padam",      "sampah",    "parkir",     "liar",       "sekolah",   "pohon",
    "lampu",       "listrik",    "kabel",     "tiang",      "pipa",       "bocor",     "trotoar",
    "aspal",       "saluran",    "got",       "selokan",    "irigasi",    "sawah",     "rumah",
    "warga",       "anak",       "murid",     "guru",       "pasien",     "dokter",    "obat",
    "antre",       "bus",        "angkot",    "ojek",       "truk",       "motor",     "mobil",
    "kendaraan",   "pengendara", "pejalan",   "kaki",       "penumpang",  "petugas",   "pegawai",
    "bahaya",      "berbahaya",  "rawan",     "miring",     "roboh",      "tumbang",   "jebol",
    "putus",       "hilang",     "dicuri",    "kering",     "keruh",      "penuh",     "kosong",
    "mahal",       "murah",      "gratis",    "lambat",     "cepat",      "buruk",     "bagus",
    "baik",        "benar",      "salah",     "atas",       "bawah",      "dalam",     "luar",
    "samping",     "belakang",   "seberang",  "arah",       "perbatasan", "pertigaan", "perempatan",
    "dekat",       "jauh",       "ujungnya",  "tiap",       "hujan",      "deras",     "lebat",
};

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

// A sorted copy of a table for binary search, made once: immutable after its first use, so
// reading it is safe from any thread and gives the same answers everywhere.
std::vector<Entry> sorted(std::initializer_list<const Entry*> tables,
                          std::initializer_list<size_t> sizes) {
  std::vector<Entry> out;
  auto size = sizes.begin();
  for (const Entry* t : tables) out.insert(out.end(), t, t + *size++);
  // The first entry of a word wins: spellings are unified before synonyms.
  std::stable_sort(out.begin(), out.end(),
                   [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return out;
}

std::vector<std::string_view> sorted_words(const std::string_view* words, size_t n) {
  std::vector<std::string_view> out(words, words + n);
  std::sort(out.begin(), out.end());
  return out;
}

std::string_view look_up(const std::vector<Entry>& table, std::string_view w) {
  const auto it = std::lower_bound(table.begin(), table.end(), w,
                                   [](const Entry& e, std::string_view k) { return e.first < k; });
  return it != table.end() && it->first == w ? it->second : std::string_view();
}

}  // namespace

std::string_view canonical_word(std::string_view w) {
  static const std::vector<Entry> table =
      sorted({kSpellings, kPlaceNicknames, kSynonyms, regional_words().data()},
             {std::size(kSpellings), std::size(kPlaceNicknames), std::size(kSynonyms),
              regional_words().size()});
  const std::string_view to = look_up(table, w);
  if (to.empty()) return w;
  // A word's word may have a synonym of its own, followed once: the stem of "kepetengan"
  // (Javanese, in the dark) is "peteng", which is "gelap", which a report means as "mati".
  // (A word as typed is looked up again as its stem, in terms_of, shared/terms.cpp.)
  const std::string_view then =
      to.find(' ') == std::string_view::npos ? look_up(table, to) : std::string_view();
  return then.empty() ? to : then;
}

bool is_stopword(std::string_view w) {
  static const std::vector<std::string_view> words =
      sorted_words(kStopwords, std::size(kStopwords));
  return std::binary_search(words.begin(), words.end(), w);
}

std::string_view negated_word(std::string_view w) {
  static const std::vector<Entry> table = sorted({kNegated}, {std::size(kNegated)});
  return look_up(table, w);
}

bool is_lexicon_word(std::string_view w) {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out;
    auto add_values = [&out](const Entry* entries, size_t n) {
      for (size_t i = 0; i < n; ++i) {
        each_word(entries[i].second, [&](std::string_view w) { out.push_back(w); });
      }
    };
    add_values(kSpellings, std::size(kSpellings));
    add_values(kSynonyms, std::size(kSynonyms));
    for (std::string_view a : kAgencies) out.push_back(a);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return std::binary_search(words.begin(), words.end(), w);
}

bool is_agency_word(std::string_view w) {
  return std::find(std::begin(kAgencies), std::end(kAgencies), w) != std::end(kAgencies);
}

bool is_place_marker(std::string_view w) {
  static const std::vector<std::string_view> words =
      sorted_words(kPlaceMarkers, std::size(kPlaceMarkers));
  return std::binary_search(words.begin(), words.end(), w);
}

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

bool is_address_word(std::string_view w) {
  static const std::vector<std::string_view> words =
      sorted_words(kAddressWords, std::size(kAddressWords));
  return std::binary_search(words.begin(), words.end(), w);
}

bool is_common_word(std::string_view w) {
  static const std::vector<std::string_view> words =
      sorted_words(kCommonWords, std::size(kCommonWords));
  return std::binary_search(words.begin(), words.end(), w) || is_stopword(w) ||
         canonical_word(w) != w;
}

}  // namespace aduan::internal
