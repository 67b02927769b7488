/**
 * heapcli as a library: `import { openProfile } from 'heapcli'`. See docs/api.md.
 */
export { openProfile } from './open.js';
export { HeapProfile } from './heap-profile.js';
export { HeapcliError } from './errors.js';
export type * from './types.js';
