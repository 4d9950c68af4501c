import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu'] });
for (const mode of ['normal', 'noscript', 'normal', 'noscript']) {
  const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, javaScriptEnabled: mode !== 'noscript' });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:8391/', { waitUntil: 'load' });
  await p.waitForTimeout(2500);
  const r = await p.evaluate(() => JSON.stringify(performance.getEntriesByType('paint').map(e => [e.name, Math.round(e.startTime)])) ).catch(()=> 'n/a');
  const lcp = await p.evaluate(() => new Promise(res => new PerformanceObserver(l => res(l.getEntries().map(e => [Math.round(e.startTime), e.element?.id || e.element?.tagName]))).observe({type:'largest-contentful-paint', buffered:true}))).catch(()=> 'n/a');
  console.log(mode, r, JSON.stringify(lcp));
  await ctx.close();
}
await b.close();
