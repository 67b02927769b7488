#!/usr/bin/env node
// Takes the screenshots of the web UI shown in README.md and docs/web.md (docs/web/*.png):
// `heapcli -http` on the test profiles, each view in headless chromium (playwright-core, the
// system's chromium). Run after `npm run build`: node scripts/web-screenshots.js
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PROFILE = 'testdata/profiles/httpleak.heap.pb.gz';
const BASE = 'testdata/profiles/httpleak.base.pb.gz';

/** Starts heapcli -http with `args`; resolves to its URL and a stop function. */
function serve(args) {
  const child = spawn(process.execPath, ['bin/heapcli.js', '-http=localhost:0', '-no_browser', ...args], {
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c) => {
      err += c;
      const m = /Serving web UI on (\S+)/.exec(err);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`heapcli exited ${code}: ${err}`)));
  });
}

const shots = [
  { file: 'top', path: '/ui/top' },
  { file: 'graph', path: '/ui/' },
  { file: 'flamegraph', path: '/ui/flamegraph', search: 'net/http' },
  { file: 'peek', path: '/ui/peek?f=newSession' },
  { file: 'source', path: '/ui/source?f=newSession' },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 640 } });
const plain = await serve([PROFILE]);
for (const shot of shots) {
  await page.goto(plain.url + shot.path);
  if (shot.search) await page.fill('#search', shot.search);
  await page.screenshot({ path: `docs/web/${shot.file}.png` });
}
plain.stop();
const diff = await serve([`-diff_base=${BASE}`, PROFILE]);
await page.goto(`${diff.url}/ui/flamegraph`);
await page.screenshot({ path: 'docs/web/flamegraph-diff.png' });
diff.stop();
const growth = await serve(['-growth', ...Array.from({ length: 8 }, (_, i) => `testdata/profiles/growing/growing-0${i + 1}.pb.gz`)]);
await page.goto(`${growth.url}/ui/growth`);
await page.screenshot({ path: 'docs/web/growth.png' });
growth.stop();
await browser.close();
console.log(`wrote ${shots.length + 2} screenshots in docs/web/`);
