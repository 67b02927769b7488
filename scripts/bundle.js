#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into dist/bundle/: one module per entry plus shared chunks,
// so a one-shot report loads a few files instead of about a hundred (module loading was a third
// of a small profile's run). The console's Ink code and the workers stay separate chunks, loaded
// only when used. Run by `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear out the last build's.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/cli/main.js', 'session-worker': 'dist/ui/session-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Ink, React and readline-sync are loaded only by the console, as packages of their own.
  external: ['ink', 'ink-spinner', 'react', 'readline-sync'],
  logLevel: 'warning',
});
