#!/usr/bin/env node
// heapcli's entry point: runs the bundled CLI (npm install builds dist/ through `prepare`). A
// CommonJS file (bin/package.json says so), as is the bundle: Node 20 starts CommonJS faster.
'use strict';

const { BUNDLE, FIRST_PROMPT, loadBundle } = require('./load-bundle.js');

/**
 * `heapcli profile.pb.gz` in a terminal greets and shows its prompt from a small bundle of its
 * own, before the whole CLI has loaded (src/cli/first-prompt.ts): what the console then takes
 * over, or null for any other run. Should that bundle fail, the whole CLI does everything.
 */
function showFirstPrompt(argv) {
  if (argv.length !== 1) return null;
  try {
    return loadBundle({ bundle: FIRST_PROMPT, builtinsOnly: true }).exports.showFirstPrompt(argv, process.env);
  } catch {
    return null;
  }
}

const firstPrompt = showFirstPrompt(process.argv.slice(2));

let cli;
try {
  cli = loadBundle().exports;
} catch (err) {
  if (err.code !== 'ENOENT' || err.path !== BUNDLE) throw err;
  process.stderr.write('heapcli: not built yet: run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}

/**
 * `heapcli -top big.pb.gz | head -1`: the reader left, so leave quietly. A pipe says EPIPE; a
 * socket (a parent that spawned heapcli with Node's 'pipe' stdio, which is a socketpair) may say
 * ECONNRESET instead.
 */
function quitOnEpipe(err) {
  if (err.code === 'EPIPE' || err.code === 'ECONNRESET') process.exit(0);
  throw err;
}

let stdout = null;

/** process.stdout, opened when first asked for: a one-shot report does without it. */
function openStdout() {
  if (stdout === null) {
    stdout = process.stdout;
    stdout.on('error', quitOnEpipe);
  }
  return stdout;
}

/**
 * Writes a one-shot report straight to descriptor 1. Opening process.stdout builds a stream over
 * the pipe or terminal, loading Node's modules for it: a few milliseconds of a small report. What
 * a descriptor set non-blocking cannot take at once goes through process.stdout, which waits; a
 * promise returned asks the report's next chunk to wait too (cli/descriptor-out.ts).
 */
const reportOut = new cli.DescriptorOut(1, openStdout);

function writeReport(text) {
  try {
    return reportOut.write(text);
  } catch (err) {
    return quitOnEpipe(err);
  }
}

cli
  .runCli(process.argv.slice(2), {
    // Each opened when first used: a stream over a pipe or terminal loads Node's modules for it,
    // and a one-shot report reads no input and writes its report through writeReport.
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return openStdout();
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    // A small one-shot report is over before V8's optimising compiler pays for itself.
    onQuickRun: cli.skipOptimizingCompiler,
    writeReport,
    firstPrompt,
  })
  .then((status) => {
    process.exitCode = status;
  });
