// Starts the submit page's module (data-main) once the form's HTML is on the screen (the
// first contentful paint, or 3 s for a page opened in a background tab): fetched beside the
// style sheet, its thirty modules and the wasm core held the first paint back on slow
// phones. English readers start at once, or they would see Indonesian first.
(function boot() {
  const tag = document.currentScript;  // a classic script: nothing newer than the modules need
  const main = tag && tag.dataset.main;
  let started = !main;
  const start = () => {
    if (started) return;
    started = true;
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: main }));
  };
  try { if (localStorage.getItem('aduan.lang') === 'en') start(); } catch (e) { /* storage blocked */ }
  const paints = typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0;
  if (!paints) return start();
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
  setTimeout(start, 3000);
}());
