// Node's built-in modules that heapcli needs only now and then, loaded when first used. Imported
// at the top, node:crypto costs about 4 ms of every start, node:child_process 1–2 ms and node:v8
// about 1 (measured with the console's first prompt, docs/performance.md): time a `top` never uses.
import { createRequire } from 'node:module';

let required: NodeJS.Require | undefined;

/** Node's require, made when first needed. */
function requireBuiltin(id: string): unknown {
  required ??= createRequire(import.meta.url);
  return required(id);
}

/** node:child_process, loaded on the first call. */
export function childProcess(): typeof import('node:child_process') {
  return requireBuiltin('node:child_process') as typeof import('node:child_process');
}

/** node:crypto, loaded on the first call. */
export function crypto(): typeof import('node:crypto') {
  return requireBuiltin('node:crypto') as typeof import('node:crypto');
}

/** node:v8, loaded on the first call (about 1 ms at start, for a flag only quick runs set). */
export function v8(): typeof import('node:v8') {
  return requireBuiltin('node:v8') as typeof import('node:v8');
}
