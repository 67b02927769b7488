// Runs heapcli's shipped bundle (dist/bundle/cli.cjs) in this process, once per case given as JSON
// on stdin ([{ args, input }]), and prints their stdout, stderr and status as JSON: the golden
// tests run the TypeScript sources, this lets a test hold the bundle to the same goldens.
import { createRequire } from 'node:module';
import { Readable, Writable } from 'node:stream';

const { runCli } = createRequire(import.meta.url)('../../dist/bundle/cli.cjs');

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
