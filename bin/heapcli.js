#!/usr/bin/env node
// heapcli's entry point: runs the bundled CLI (npm install builds dist/ through `prepare`). A
// CommonJS file (bin/package.json says so), as is the bundle: Node 20 starts CommonJS faster.
'use strict';

process.stdout.on('error', (err) => {
  // `heapcli -top big.pb.gz | head -1`: the reader left, so leave quietly.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const { BUNDLE, loadBundle } = require('./load-bundle.js');

let cli;
try {
  cli = loadBundle().exports;
} catch (err) {
  if (err.code !== 'ENOENT' || err.path !== BUNDLE) throw err;
  process.stderr.write('heapcli: not built yet: run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
cli
  .runCli(process.argv.slice(2), {
    // Opening stdin loads Node's stream and terminal modules; a one-shot report never reads it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    // A small one-shot report is over before V8's optimising compiler pays for itself.
    onQuickRun: cli.skipOptimizingCompiler,
  })
  .then((status) => {
    process.exitCode = status;
  });
