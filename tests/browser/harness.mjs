// Starts the real aduan binary on a free port with a demo database, and Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export async function startAduan(dbPath) {
  const bin = process.env.ADUAN_BIN;
  if (!bin) throw new Error('ADUAN_BIN is not set');
  execFileSync(bin, ['demo', '--db', dbPath], { stdio: 'ignore' });
  const proc = spawn(bin, ['serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('aduan did not start: ' + log)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[\d.]+:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    proc.on('exit', (code) => reject(new Error(`aduan exited with ${code}: ${log}`)));
  });
  return {
    url,
    stop: () => new Promise((resolve) => { proc.on('exit', resolve); proc.kill('SIGTERM'); }),
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // No background traffic and no proxy: only the loopback server is reached.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--no-proxy-server'],
  });
}
