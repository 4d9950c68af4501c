// Starts a citizen page's script once the page's HTML has been painted. The form, the
// tracking box and the texts are plain HTML that works to read before any script runs; on a
// slow phone, fetching and running some thirty modules and the WebAssembly core before the
// first paint left the citizen looking at a white screen for seconds. The page's module is
// named by this tag's data-main.
//
// A citizen who chose English is the exception: their page would flash Indonesian first,
// so its script starts at once, as it did before.
(function boot() {
  const self = document.currentScript;
  const main = self && self.dataset.main;
  if (!main) return;
  const start = () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = main;
    document.head.append(script);
  };
  let english = false;
  try { english = localStorage.getItem('aduan.lang') === 'en'; } catch { /* storage blocked */ }
  if (english) start();
  else requestAnimationFrame(() => setTimeout(start, 0));  // after the frame is painted
}());
