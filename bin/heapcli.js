#!/usr/bin/env node
// heapcli's entry point: runs the compiled CLI (npm install builds dist/ through `prepare`).
process.stdout.on('error', (err) => {
  // `heapcli -top big.pb.gz | head -1`: the reader left, so leave quietly.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

let cli;
try {
  cli = await import('../dist/bundle/main.js');
} catch (err) {
  if (err.code !== 'ERR_MODULE_NOT_FOUND') throw err;
  process.stderr.write('heapcli: not built yet: run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
process.exitCode = await cli.runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
