// The map's messages, Bahasa Indonesia first, loaded with the map itself (the buttons that
// open it have theirs in map_entry.js).
import { addMessages } from '../i18n.js';

addMessages({
  id: {
    'map.close': 'Tutup peta',
    'map.label': 'Peta lokasi kejadian',
    'map.hint': 'Ketuk peta untuk menaruh penanda, atau geser penanda ke tempat yang tepat. Dengan papan ketik: geser peta dengan tombol panah, lalu pilih "Taruh penanda di tengah peta". Lokasi tertulis dan wilayah di bawah tetap dapat diisi tanpa peta.',
    'map.center': 'Taruh penanda di tengah peta',
    'map.loading': 'Memuat peta…',
    'map.tiles_failed': 'Gambar peta tidak dapat dimuat. Penanda tetap dapat ditaruh, atau tulis lokasi dan pilih wilayah di bawah.',
    'map.marker': 'Lokasi kejadian',
    'map.region.suggested': 'Wilayah diisi dari peta: {name}. Ubah di bawah bila keliru.',
    'map.region.offer': 'Menurut peta, lokasi ini di {name}.',
    'map.region.use': 'Pakai wilayah ini',
    'map.region.none': 'Wilayah tidak dapat diperkirakan dari peta; pilih di bawah bila tahu.',
    'map.public.label': 'Peta laporan terbuka untuk umum',
    'map.public.summary': '{n} laporan dengan posisi tampil di peta. Posisi dibulatkan ke sekitar 100 m; daftar di bawah memuat laporan yang sama dalam teks.',
    'map.public.more': 'Hanya {n} laporan terbaru yang tampil di peta.',
    'map.public.none': 'Belum ada laporan umum yang mencantumkan posisi.',
    'map.public.view': 'Lihat laporan',
  },
  en: {
    'map.close': 'Close the map',
    'map.label': 'Map of the place',
    'map.hint': 'Tap the map to place a pin, or drag the pin to the right spot. With a keyboard: move the map with the arrow keys, then choose "Put the pin at the centre of the map". The place and region below can still be filled in without the map.',
    'map.center': 'Put the pin at the centre of the map',
    'map.loading': 'Loading the map…',
    'map.tiles_failed': 'The map images could not be loaded. You can still place the pin, or describe the place and choose the region below.',
    'map.marker': 'The place',
    'map.region.suggested': 'Region filled in from the map: {name}. Change it below if it is wrong.',
    'map.region.offer': 'According to the map, this place is in {name}.',
    'map.region.use': 'Use this region',
    'map.region.none': 'The region cannot be told from the map; choose it below if you know it.',
    'map.public.label': 'Map of the public reports',
    'map.public.summary': '{n} reports with a position are on the map. Positions are rounded to about 100 m; the list below has the same reports as text.',
    'map.public.more': 'Only the newest {n} reports are on the map.',
    'map.public.none': 'No public report has a position yet.',
    'map.public.view': 'View the report',
  },
});
