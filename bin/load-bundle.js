// Loads the bundled CLI (dist/bundle/cli.cjs, or first-prompt.cjs) as require would, but compiled
// with V8's code cache (cli.cjs.cache, which `npm run build` writes after a training run,
// scripts/code-cache.js) when there is one: start-up then skips compiling the functions a report
// runs. Shared by the launcher and the training run, so that both compile the same text.
'use strict';

const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
// zlib is loaded anyway, to inflate the profile; node:v8, which V8's own check of a cache's data
// needs, took about 3 ms of every start.
const { crc32 } = require('node:zlib');

/** The bundle's path; its code cache is this path with `.cache` added. */
const BUNDLE = join(__dirname, '../dist/bundle/cli.cjs');

/** The bundle of a console's first prompt (cli/first-prompt.ts), with a code cache of its own. */
const FIRST_PROMPT = join(__dirname, '../dist/bundle/first-prompt.cjs');

/** The bundle's first line, written by scripts/bundle.js: a hash of the rest of its text. */
const BUNDLE_ID = /^\/\/ heapcli bundle ([0-9a-f]{32})\n/;

/**
 * The cache file's header: the id of the bundle it was made for (32 characters), then the CRC-32
 * of V8's data (8 hex digits), in ASCII; V8's data follows.
 */
const ID_BYTES = 32;
const HEADER_BYTES = ID_BYTES + 8;

/**
 * Compiles and runs the bundle (`bundle`, for tests: a copy elsewhere). `builtinsOnly`: it needs
 * none but Node's own modules, and takes this file's require (node:module, which makes a
 * require for the bundle's folder, costs most of a millisecond to load). Returns its exports, the
 * compiled script (for sealCache) and what became of the cache: 'taken', 'none' (no file),
 * 'stale' (made for another bundle, or not a cache of ours), or 'refused' (damaged, or refused by
 * V8: made by another Node version or under other V8 flags).
 */
function loadBundle({ bundle = BUNDLE, useCache = true, builtinsOnly = false } = {}) {
  const source = readFileSync(bundle);
  const cache = useCache ? readCache(bundle, source) : { state: 'none' };
  // The text is the function Node wraps a CommonJS module in (scripts/bundle.js writes it so): V8
  // compiles it as read, without a second, wrapped copy of its text (ASCII only, so latin1 reads it).
  const script = new Script(source.toString('latin1'), { filename: bundle, cachedData: cache.data });
  const module = {
    exports: {},
    // A script compiled this way cannot import() without an experimental Node option: the bundle
    // imports its ES-module chunks (the terminal console) through this function instead.
    importChunk: (name) => import(pathToFileURL(join(dirname(bundle), name)).href),
  };
  const bundleRequire = builtinsOnly ? require : require('node:module').createRequire(bundle);
  script.runInThisContext()(module.exports, bundleRequire, module, bundle, dirname(bundle));
  const state = cache.data === undefined ? cache.state : script.cachedDataRejected ? 'refused' : 'taken';
  return { exports: module.exports, script, cache: state };
}

/** The CRC-32 of `data` in 8 hex digits; null where zlib has no crc32 (Node before 20.15). */
function checksum(data) {
  return typeof crc32 === 'function' ? crc32(data).toString(16).padStart(8, '0') : null;
}

/** The id on a bundle's first line, or null for a bundle without one. */
function bundleId(source) {
  return BUNDLE_ID.exec(source.subarray(0, 64).toString('latin1'))?.[1] ?? null;
}

/**
 * The V8 data of the bundle's cache file, if the file was made for the bundle with this id and
 * its data is whole. V8 checks a cache's version, flags and source length, but its data only
 * under a flag that release builds leave off, and it crashes on damaged data: hence the CRC.
 */
function readCache(bundle, source) {
  let file;
  try {
    file = readFileSync(`${bundle}.cache`);
  } catch {
    return { state: 'none' };
  }
  const id = bundleId(source);
  const madeFor = file.subarray(0, ID_BYTES).toString('latin1');
  if (id === null || file.length <= HEADER_BYTES || madeFor !== id) return { state: 'stale' };
  const data = file.subarray(HEADER_BYTES);
  const sum = checksum(data);
  return sum !== null && sum === file.subarray(ID_BYTES, HEADER_BYTES).toString('latin1') ? { state: 'taken', data } : { state: 'refused' };
}

/** The contents of a cache file for `bundle`, made from its compiled and trained `script`. */
function sealCache(bundle, script) {
  const id = bundleId(readFileSync(bundle));
  if (id === null) throw new Error(`${bundle} has no id on its first line: build it with scripts/bundle.js`);
  const data = script.createCachedData();
  const sum = checksum(data);
  if (sum === null) throw new Error('this Node has no zlib.crc32 (Node 20.15 or later has): no code cache made');
  return Buffer.concat([Buffer.from(id + sum, 'latin1'), data]);
}

module.exports = { BUNDLE, FIRST_PROMPT, loadBundle, sealCache };
