// Runs heapcli's shipped bundle (dist/bundle/cli.cjs) in this process, once per case given as JSON
// on stdin ([{ args, input }]), and prints their stdout, stderr and status as JSON: the golden
// tests run the TypeScript sources, this lets a test hold the bundle to the same goldens. The
// bundle is loaded as bin/heapcli.js loads it: compiled with its code cache, if it has one; or
// with the `--bundle=PATH` given, without a cache if there is none beside it.
import { createRequire } from 'node:module';
import { Readable, Writable } from 'node:stream';

const { loadBundle } = createRequire(import.meta.url)('../../bin/load-bundle.js');
const bundle = process.argv.find((a) => a.startsWith('--bundle='))?.slice('--bundle='.length);
const { exports: { runCli }, cache } = loadBundle(bundle ? { bundle } : {});
process.stderr.write(`code cache: ${cache}\n`);

const collector = () => {
  const chunks = [];
  const stream = new Writable({ write(chunk, _enc, done) { chunks.push(chunk.toString()); done(); } });
  return { stream, text: () => chunks.join('') };
};

let json = '';
for await (const chunk of process.stdin) json += chunk;
const results = [];
for (const { args, input } of JSON.parse(json)) {
  const stdout = collector();
  const stderr = collector();
  const status = await runCli(args, { stdin: Readable.from([input]), stdout: stdout.stream, stderr: stderr.stream, env: {} });
  results.push({ stdout: stdout.text(), stderr: stderr.text(), status });
}
process.stdout.write(JSON.stringify(results));
