// Draws the app icons (public/icons/*.png) from the same mark as public/favicon.svg, in
// Chromium. Run once when the mark changes: node tools/make_icons.mjs
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';

// `bleed`: a maskable icon fills the whole square and keeps the mark in the middle 80 %.
const mark = (bleed) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${bleed ? 0 : 7}" fill="#0b5d57"/>
  <g transform="${bleed ? 'translate(4.8 4.8) scale(0.7)' : ''}">
    <path d="M8 9h16v11H15l-5 4v-4H8z" fill="#fff"/></g></svg>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
for (const [name, size, bleed] of [['icon-192.png', 192, false], ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true]]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${mark(bleed)}`);
  await writeFile(new URL(`../public/icons/${name}`, import.meta.url),
    await page.screenshot({ omitBackground: true }));
}
await browser.close();
