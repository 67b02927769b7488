#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into dist/bundle/, which bin/heapcli.js runs. Run by
// `npm run build` after tsc.
//
// - cli.cjs: the whole CLI but Ink, as one CommonJS module (written as the function Node would wrap
//   it in: bin/load-bundle.js runs it with its V8 code cache). Node 20 loads CommonJS faster than
//   ES modules (no module graph to link), and a one-shot report runs nothing else.
// - first-prompt.cjs: the same for the first moments of a console on one profile file
//   (cli/first-prompt.ts), which show the greeting and prompt before cli.cjs has loaded.
// - The terminal console (Ink and React, which are ES modules only) and its session worker: ES
//   modules with shared chunks, imported by cli.cjs only when a terminal console opens.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear out the last build's.
rmSync('dist/bundle', { recursive: true, force: true });

/**
 * protobufjs loads long.js when it finds it, to return 64-bit varints as Long objects. heapcli reads
 * them as numbers or bigints itself (src/profile/wire.ts never calls protobufjs's 64-bit reads), so the bundles leave long.js
 * out: protobufjs sees an empty module and goes without, as it does when long.js is not installed.
 */
const withoutLong = {
  name: 'without-long',
  setup(b) {
    b.onResolve({ filter: /^long$/ }, () => ({ path: 'long', namespace: 'without-long' }));
    b.onLoad({ filter: /.*/, namespace: 'without-long' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Ink, React and readline-sync are loaded only by the console, as packages of their own.
  external: ['ink', 'ink-spinner', 'react', 'readline-sync'],
  plugins: [withoutLong],
  logLevel: 'warning',
  // Start-up reads, copies and deserialises the bundle and its code cache byte by byte (about
  // 3 ms a megabyte on the 2-core machine): minified, cli.cjs is half its size. No user sees a
  // stack trace, and no code reads a function's or class's name.
  minify: true,
};

/**
 * The modules that stay ES modules, which cli.cjs imports by these file names: the console's Ink
 * frames, and the web UI's server (-http), which no other command loads.
 */
const CONSOLE_ENTRIES = { 'ink-frames': 'dist/ui/terminal/ink-frames.js', 'web-server': 'dist/web/run-http.js' };

/**
 * React Devtools is loaded by Ink only in development (DEV=true); the bundle stands an empty
 * module in for it, as the package is not installed.
 */
const withoutDevtools = {
  name: 'without-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'without-devtools' }));
    b.onLoad({ filter: /.*/, namespace: 'without-devtools' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

// Ink and React are bundled into the console's chunk in their production builds: loaded from
// node_modules as some hundred ES modules, in development mode, they took most of a second.
await build({
  ...common,
  external: ['readline-sync'],
  entryPoints: { ...CONSOLE_ENTRIES, 'session-worker': 'dist/ui/session-worker.js' },
  outdir: 'dist/bundle',
  splitting: true,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [...common.plugins, withoutDevtools],
  // Some of Ink's dependencies are CommonJS and call require(): an ES module has none of its own.
  banner: {
    js: 'import { createRequire as __heapcliCreateRequire } from "node:module"; const require = __heapcliCreateRequire(import.meta.url);',
  },
});

/** Leaves cli.cjs's imports of the console's modules as imports of their ES-module bundles. */
const consoleModulesStayOut = {
  name: 'console-modules-stay-out',
  setup(b) {
    for (const [name, path] of Object.entries(CONSOLE_ENTRIES)) {
      const file = path.split('/').pop();
      b.onResolve({ filter: new RegExp(`/${file.replace('.', '\\.')}$`) }, () => ({ path: `./${name}.js`, external: true }));
    }
  },
};

/**
 * Builds `entry` into `outfile` as one CommonJS script, which bin/load-bundle.js compiles with its
 * V8 code cache: its text is a function expression taking what Node passes a CommonJS module, so
 * that V8 compiles the file's text as it is, with no copy of it wrapped. `rewrite` may change
 * esbuild's output first.
 */
async function buildScript(entry, outfile, plugins, rewrite = (text) => text) {
  const built = await build({
    ...common,
    entryPoints: [entry],
    outfile,
    format: 'cjs',
    plugins: [...common.plugins, ...plugins],
    // CommonJS has no import.meta: the bundle's own URL stands in for it, made when first asked for
    // (node:url's pathToFileURL is most of a millisecond at start, and few runs ask).
    define: { 'import.meta.url': '__heapcliBundle.url' },
    banner: {
      js: [
        'const __heapcliBundle = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
        // bin/load-bundle.js compiles the bundle with V8's code cache, as a script that cannot
        // import(): it passes the function that imports the console's chunks. Under plain require, import().
        'const __importChunk = (name) => (module.importChunk ?? ((n) => import(n)))(name);',
      ].join('\n'),
    },
    write: false,
  });
  const text = rewrite(built.outputFiles[0].text);
  // V8 keeps a source with any character past ASCII in two bytes a character: twice the memory to
  // fill at every start, for the sake of a comment esbuild kept. Say where, so it can be mended.
  const wide = /[^\x00-\x7f]/.exec(text);
  if (wide) {
    const line = text.slice(0, wide.index).split('\n').length;
    throw new Error(
      `bundle: ${outfile} line ${line} has the non-ASCII character ${JSON.stringify(wide[0])}: write it in ASCII in the source`,
    );
  }
  // The first line names this text by its hash: the code cache says which bundle it was made for, and
  // bin/load-bundle.js compares the two without hashing the bundle at each start.
  const id = createHash('sha256').update(text).digest('hex').slice(0, 32);
  writeFileSync(outfile, `// heapcli bundle ${id}\n(function (exports, require, module, __filename, __dirname) {${text}\n})`);
}

// The console's chunks are imported through __importChunk (see the banner).
const chunkImport = new RegExp(`\\bimport\\(("\\./(?:${Object.keys(CONSOLE_ENTRIES).join('|')})\\.js")\\)`, 'g');
await buildScript('dist/cli/main.js', 'dist/bundle/cli.cjs', [consoleModulesStayOut], (text) => {
  let rewritten = 0;
  const out = text.replace(chunkImport, (_call, name) => {
    rewritten++;
    return `__importChunk(${name})`;
  });
  if (rewritten !== Object.keys(CONSOLE_ENTRIES).length)
    throw new Error(`bundle: expected an import() of each console chunk in cli.cjs, found ${rewritten}`);
  return out;
});
// A console's greeting and first prompt on a profile file, shown before cli.cjs loads (cli/first-prompt.ts).
await buildScript('dist/cli/first-prompt.js', 'dist/bundle/first-prompt.cjs', []);

// The library API (`import { openProfile } from 'heapcli'`): one ES module. Its declarations come
// from tsconfig.api.json (dist/types/api); only the public ones are kept, since the package ships
// no declarations of the internal modules they were compiled beside.
await build({
  ...common,
  entryPoints: { api: 'dist/api/index.js' },
  outdir: 'dist/bundle',
  format: 'esm',
  // A library's code is read by its users' debuggers and stack traces: left as written.
  minify: false,
  external: ['re2js'],
  banner: {
    js: 'import { createRequire as __heapcliCreateRequire } from "node:module"; const require = __heapcliCreateRequire(import.meta.url);',
  },
});
const PUBLIC_DECLARATIONS = ['index', 'open', 'heap-profile', 'errors', 'types'];
rmSync('dist/bundle/types', { recursive: true, force: true });
mkdirSync('dist/bundle/types', { recursive: true });
for (const name of PUBLIC_DECLARATIONS) copyFileSync(`dist/types/api/${name}.d.ts`, `dist/bundle/types/${name}.d.ts`);

// The web UI's page script (src/web/client/), for browsers: one file, no CDN, served by -http.
await build({
  entryPoints: { app: 'dist/web/client/app.js' },
  outdir: 'dist/bundle/web',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  logLevel: 'warning',
});
