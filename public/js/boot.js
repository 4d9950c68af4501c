// Starts the submit page's script once the page's HTML is on the screen. The form and its
// texts are plain HTML that can be read before any script runs; on a slow connection, some
// thirty modules and the WebAssembly core fetched beside the style sheet held the first
// paint back for seconds. The module is named by this tag's data-main. (The tracking,
// transparency and My reports pages load their script at once: what they show is drawn by
// it from the server's answer, and starting it later only moved their layout.)
//
// "On the screen" is the browser's first contentful paint, where it reports one; a page
// opened in a background tab paints only when shown, so the script starts after three
// seconds at the latest. A citizen who chose English is the exception: their page would
// show Indonesian first, so its script starts at once.
(function boot() {
  const self = document.currentScript;
  const main = self && self.dataset.main;
  if (!main) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const script = document.createElement('script');
    script.type = 'module';
    script.src = main;
    document.head.append(script);
  };
  let english = false;
  try { english = localStorage.getItem('aduan.lang') === 'en'; } catch { /* storage blocked */ }
  if (english) return start();
  const paintTiming = typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes || []).includes('paint');
  if (!paintTiming) return requestAnimationFrame(() => setTimeout(start, 0));
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
  setTimeout(start, 3000);
}());
