#!/usr/bin/env node
// Writes dist/bundle/cli.cjs.cache and first-prompt.cjs.cache, V8's code caches for the bundles,
// which bin/load-bundle.js hands to V8 when it compiles them. Run by `npm run build` after
// scripts/bundle.js.
//
// V8 compiles a function the first time it runs; a cache made right after compiling the bundle
// would hold only its top level. So this trains first: it runs the common reports on the example
// profile in this process, then saves the cache with every function those reports compiled.
// A small one-shot -top then takes about 30 ms less (docs/performance.md).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';

const require = createRequire(import.meta.url);
const { BUNDLE, FIRST_PROMPT, loadBundle, sealCache } = require('../bin/load-bundle.js');
const CACHE = `${BUNDLE}.cache`;
const EXAMPLE = 'testdata/profiles/leakybuf.heap.pb.gz';
const BASE = 'testdata/profiles/leakybuf.base.pb.gz';
/** The reports trained on: what users run most, one-shot and in the console. */
const TRAINING = [
  ['-top'],
  ['-top', '-cum', '-sample_index=alloc_space'],
  ['-list=main\\.'],
  ['-peek=main\\.'],
  ['-tree'],
  ['-traces'],
  ['-top', `-base=${BASE}`],
  ['-top', '-focus=main', '-lines'],
];

/** Streams that pass for a terminal's: raw mode does nothing, `keys` come in a moment, output goes nowhere. */
function pretendTerminal(keys) {
  const output = () => Object.assign(sink(), { isTTY: true, columns: 100, rows: 40 });
  const stdin = Object.assign(new Readable({ read() {} }), { isTTY: true, setRawMode: () => {} });
  setTimeout(() => stdin.push(keys), 50);
  return { stdin, stdout: output(), stderr: output() };
}

const warn = (msg) => process.stderr.write(`code-cache: ${msg}; heapcli will run without a code cache\n`);

/**
 * Writes the code cache of `bundle` from its trained `script`, and keeps it only if a fresh
 * process takes it (one it refuses is dead weight); warns if it is not kept.
 */
function writeCache(bundle, script) {
  const cache = `${bundle}.cache`;
  let sealed;
  try {
    sealed = sealCache(bundle, script);
  } catch (err) {
    warn(err.message);
    return;
  }
  // Written whole and then renamed: a cut-off cache must never sit where the launcher looks.
  writeFileSync(`${cache}.tmp`, sealed);
  renameSync(`${cache}.tmp`, cache);
  const loader = JSON.stringify(require.resolve('../bin/load-bundle.js'));
  const load = `process.stdout.write(require(${loader}).loadBundle({ bundle: ${JSON.stringify(bundle)} }).cache)`;
  const check = spawnSync(process.execPath, ['-e', load], { encoding: 'utf8' });
  if (check.stdout === 'taken') return;
  rmSync(cache, { force: true });
  warn(`a fresh process did not take ${cache} (${check.stdout || check.stderr.trim().split('\n').pop()})`);
}

rmSync(CACHE, { force: true });
rmSync(`${FIRST_PROMPT}.cache`, { force: true });
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

// The first prompt's bundle, trained on what it does at each start; what it shows is handed on to
// the terminal console trained below, as the launcher hands it on.
const { exports: first, script: firstScript } = loadBundle({ bundle: FIRST_PROMPT, useCache: false, builtinsOnly: true });
const promptTerminal = () => ({
  isTerminal: () => true,
  open: () => ({ writeOut: () => {}, writeError: () => {}, stdin: () => ({ setRawMode: () => {} }) }),
});
let shown = null;
for (let i = 0; i < 3; i++) {
  shown?.stopSignals();
  shown = first.showFirstPrompt([EXAMPLE], {}, promptTerminal());
}
if (shown === null) warn(`the first prompt was not shown on ${EXAMPLE}`);
else writeCache(FIRST_PROMPT, firstScript);

const { exports: cli, script } = loadBundle({ useCache: false });
for (const args of TRAINING) {
  const status = await cli.runCli([...args, EXAMPLE], { stdin: Readable.from([]), stdout: sink(), stderr: sink(), env: { TZ: 'UTC' } });
  if (status !== 0) {
    warn(`training run \`heapcli ${args.join(' ')} ${EXAMPLE}\` exited ${status}`);
    process.exit(0);
  }
}
// The consoles too: on a pipe, and in a terminal (a pretend one: keys fed as a terminal sends them),
// where the prompt should come as fast as a one-shot report; once with the first prompt shown.
const pipedStatus = await cli.runCli([EXAMPLE], {
  stdin: Readable.from(['top\nsample_index=alloc_space\ntop5 -cum\n']),
  stdout: sink(),
  stderr: sink(),
  env: { TZ: 'UTC' },
});
const consoleKeys = 'top\rsample_index=alloc_space\rtop5 -cum\rfocus=Get\t\rquit\r';
const terminalStatus = await cli.runCli([EXAMPLE], { ...pretendTerminal(consoleKeys), env: { TZ: 'UTC', HEAPCLI_HISTORY: 'off' } });
const shownStatus = await cli.runCli([EXAMPLE], {
  ...pretendTerminal(consoleKeys),
  env: { TZ: 'UTC', HEAPCLI_HISTORY: 'off' },
  firstPrompt: shown,
});
if (pipedStatus !== 0 || terminalStatus !== 0 || shownStatus !== 0) {
  warn(`a training console exited ${pipedStatus}, ${terminalStatus}, ${shownStatus}`);
  process.exit(0);
}
writeCache(BUNDLE, script);
