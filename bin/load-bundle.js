// Loads the bundled CLI (dist/bundle/cli.cjs) as require would, but compiled with V8's code cache
// (cli.cjs.cache, which `npm run build` writes after a training run, scripts/code-cache.js) when
// there is one: start-up then skips compiling the functions a report runs. Shared by the launcher
// and the training run, so that both compile the same text.
'use strict';

const { readFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
// The bundle loads zlib too (for gzip's checksum): no extra cost here.
const { crc32 } = require('node:zlib');

/** The bundle's path; its code cache is this path with `.cache` added. */
const BUNDLE = join(__dirname, '../dist/bundle/cli.cjs');

/** The cache file's header: the CRC-32 of the bundle it was made for, then of the V8 data after it. */
const HEADER_BYTES = 8;

/** Whether this Node can check a cache file (zlib.crc32 came in Node 20.15): without, none is used. */
const CACHE_SUPPORTED = typeof crc32 === 'function';

/**
 * Compiles and runs the bundle (`bundle`, for tests: a copy elsewhere). Returns its exports, the
 * compiled script (for createCachedData) and what became of the cache: 'taken', 'none' (no file,
 * or no zlib.crc32 before Node 20.15), 'damaged' (not made for this bundle, or corrupt), or
 * 'refused' by V8 (made by another Node version or under other V8 flags).
 */
function loadBundle({ bundle = BUNDLE, useCache = true } = {}) {
  const source = readFileSync(bundle);
  const cache = useCache ? readCache(bundle, source) : { state: 'none' };
  const script = new Script(wrap(source.toString('utf8')), { filename: bundle, cachedData: cache.data });
  const module = {
    exports: {},
    // A script compiled this way cannot import() without an experimental Node option: the bundle
    // imports its ES-module chunks (the terminal console) through this function instead.
    importChunk: (name) => import(pathToFileURL(join(dirname(bundle), name)).href),
  };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const state = cache.data === undefined ? cache.state : script.cachedDataRejected ? 'refused' : 'taken';
  return { exports: module.exports, script, cache: state };
}

/**
 * The V8 data of the bundle's cache file, if it was made for these bundle bytes and is intact.
 * V8 checks its version and flags but, in release builds, neither the data's checksum nor the
 * source beyond its length, and it crashes on damaged data: so both are checked here.
 */
function readCache(bundle, source) {
  if (!CACHE_SUPPORTED) return { state: 'none' };
  let file;
  try {
    file = readFileSync(`${bundle}.cache`);
  } catch {
    return { state: 'none' };
  }
  const data = file.subarray(HEADER_BYTES);
  const intact = file.length > HEADER_BYTES && file.readUInt32LE(0) === crc32(source) && file.readUInt32LE(4) === crc32(data);
  return intact ? { state: 'taken', data } : { state: 'damaged' };
}

/** The contents of a cache file for `bundle` holding V8's `data` (the header, then the data). */
function sealCache(bundle, data) {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(crc32(readFileSync(bundle)), 0);
  header.writeUInt32LE(crc32(data), 4);
  return Buffer.concat([header, data]);
}

module.exports = { BUNDLE, CACHE_SUPPORTED, loadBundle, sealCache };
