#!/usr/bin/env node
// The web UI on a profile: time from start to serving, each view's time and size (raw and
// gzipped), and, with chromium, the first paint of each view. Against go tool pprof -http too.
//   node bench/web.js [profile] [--pprof] [--browser]
// (npm run build first; the large profile comes from node bench/generate.js large.)
/* global PerformanceObserver, window -- run in the page by page.evaluate */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const profile = args.find((a) => !a.startsWith('--')) ?? 'bench/out/large.pb.gz';
const VIEWS = ['/ui/', '/ui/top', '/ui/flamegraph', '/ui/peek', '/ui/source', '/ui/flamegraph?si=alloc_space', '/ui/top?si=alloc_space'];

function get(port, path) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `localhost:${port}`, 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const raw = res.headers['content-encoding'] === 'gzip' ? gunzipSync(body).length : body.length;
        resolve({ status: res.statusCode, ms: performance.now() - started, sent: body.length, raw });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(command, port) {
  const started = performance.now();
  const child = spawn(command[0], [...command.slice(1), `-http=localhost:${port}`, '-no_browser', profile], {
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, TZ: 'UTC' },
  });
  for (;;) {
    try {
      const r = await get(port, '/ui/top');
      if (r.status) return { child, readyMs: performance.now() - started };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function measure(name, command, port) {
  const { child, readyMs } = await serve(command, port);
  console.log(`${name}: first /ui/top answered ${(readyMs / 1000).toFixed(2)} s after start`);
  for (const view of VIEWS) {
    const first = await get(port, view);
    const again = await get(port, view);
    console.log(
      `  ${view.padEnd(30)} ${String(first.status)} first ${first.ms.toFixed(0).padStart(6)} ms, again ${again.ms.toFixed(0).padStart(5)} ms, ${(first.raw / 1e6).toFixed(2)} MB (${(first.sent / 1e6).toFixed(2)} MB sent)`,
    );
  }
  if (args.includes('--browser') && name === 'heapcli') await paints(port);
  child.kill('SIGTERM');
}

/** First contentful paint of each view in headless chromium (the views are made already). */
async function paints(port) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  for (const view of VIEWS.slice(0, 5)) {
    await page.goto(`http://localhost:${port}${view}`, { waitUntil: 'load' });
    const fcp = await page.evaluate(
      () =>
        new Promise((resolve) =>
          new PerformanceObserver((l) => resolve(l.getEntries()[0]?.startTime ?? -1)).observe({ type: 'paint', buffered: true }),
        ),
    );
    const drawn = await page.evaluate(() => ('heapcliFlame' in window ? performance.now() : null));
    console.log(
      `  chromium ${view.padEnd(20)} first paint ${Number(fcp).toFixed(0)} ms${drawn ? `, flame graph drawn by ${drawn.toFixed(0)} ms` : ''}`,
    );
  }
  await browser.close();
}

await measure('heapcli', [process.execPath, 'bin/heapcli.js'], 18181);
if (args.includes('--pprof')) await measure('go tool pprof', ['go', 'tool', 'pprof'], 18182);
