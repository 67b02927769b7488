/**
 * pprof's treatment of allocator frames in legacy heap profiles: the profile's drop_frames and
 * keep_frames, and the pruning (RemoveUninteresting) that applies them once frames have names.
 */

/**
 * drop_frames of a legacy heap profile: memory allocators' entry points (C library, tcmalloc,
 * macOS malloc zones, the Go runtime, C++ operator new and allocators), anchored whole.
 */
export const ALLOCATOR_FRAMES = [
  'calloc',
  'cfree',
  'malloc',
  'free',
  'memalign',
  'do_memalign',
  '(__)?posix_memalign',
  'pvalloc',
  'valloc',
  'realloc',
  'tcmalloc::.*',
  'tc_calloc',
  'tc_cfree',
  'tc_malloc',
  'tc_free',
  'tc_memalign',
  'tc_posix_memalign',
  'tc_pvalloc',
  'tc_valloc',
  'tc_realloc',
  'tc_new',
  'tc_delete',
  'tc_newarray',
  'tc_deletearray',
  'tc_new_nothrow',
  'tc_newarray_nothrow',
  'malloc_zone_malloc',
  'malloc_zone_calloc',
  'malloc_zone_valloc',
  'malloc_zone_realloc',
  'malloc_zone_memalign',
  'malloc_zone_free',
  'runtime\\..*',
  'BaseArena::.*',
  '(::)?do_malloc_no_errno',
  '(::)?do_malloc_pages',
  '(::)?do_malloc',
  'DoSampledAllocation',
  'MallocedMemBlock::MallocedMemBlock',
  '_M_allocate',
  '__builtin_(vec_)?delete',
  '__builtin_(vec_)?new',
  '__gnu_cxx::new_allocator::allocate',
  '__libc_malloc',
  '__malloc_alloc_template::allocate',
  'allocate',
  'cpp_alloc',
  'operator new(\\[\\])?',
  'simple_alloc::allocate',
].join('|');

/** keep_frames of a legacy heap profile: Go runtime frames that stay even though they match drop_frames. */
export const ALLOCATOR_KEEP_FRAMES = ['runtime\\.panic', 'runtime\\.reflectcall', 'runtime\\.call[0-9]*'].join('|');

/** drop_frames of a CPU (and thread, goroutine) profile: the profiler's own signal-handler frames. */
export const CPU_PROFILER_FRAMES = [
  'ProfileData::Add',
  'ProfileData::prof_handler',
  'CpuProfiler::prof_handler',
  '__pthread_sighandler',
  '__restore',
].join('|');

/** drop_frames of a contention profile: the lock implementation's own frames. */
export const LOCK_FRAMES = [
  'RecordLockProfileData',
  '(base::)?RecordLockProfileData.*',
  '(base::)?SubmitMutexProfileData.*',
  '(base::)?SubmitSpinLockProfileData.*',
  '(base::Mutex::)?AwaitCommon.*',
  '(base::Mutex::)?Unlock.*',
  '(base::Mutex::)?UnlockSlow.*',
  '(base::Mutex::)?ReaderUnlock.*',
  '(base::MutexLock::)?~MutexLock.*',
  '(Mutex::)?AwaitCommon.*',
  '(Mutex::)?Unlock.*',
  '(Mutex::)?UnlockSlow.*',
  '(Mutex::)?ReaderUnlock.*',
  '(MutexLock::)?~MutexLock.*',
  '(SpinLock::)?Unlock.*',
  '(SpinLock::)?SlowUnlock.*',
  '(SpinLockHolder::)?~SpinLockHolder.*',
].join('|');

/** The sample types (by name) of heap profiles, old and new, whose frames are pruned as allocators. */
const HEAP_TYPES = [
  ['allocations', 'size'],
  ['objects', 'space'],
  ['inuse_objects', 'inuse_space'],
  ['alloc_objects', 'alloc_space'],
  ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'],
];

/** drop_frames and keep_frames of a legacy profile, chosen by its sample types as pprof does. */
export function legacyFrameRules(sampleTypes: readonly { readonly type: string }[]): { drop: string; keep: string } {
  const is = (names: readonly string[]) => names.length === sampleTypes.length && names.every((n, i) => sampleTypes[i].type === n);
  if (HEAP_TYPES.some(is)) return { drop: ALLOCATOR_FRAMES, keep: ALLOCATOR_KEEP_FRAMES };
  if (is(['contentions', 'delay'])) return { drop: LOCK_FRAMES, keep: '' };
  return { drop: CPU_PROFILER_FRAMES, keep: '' };
}

/**
 * Prunes stacks in place. A function matches when its simplified name matches `drop` whole and not
 * `keep`. In each location the outermost matching line and those inlined into it go (all of them
 * means the whole location); in each stack, scanning from the root, everything on the leaf side of
 * the first such location after the first user frame goes, so a stack is never pruned to nothing.
 * `locationFunctions[l]` names location l's lines innermost first; returns, per location, how many
 * of its innermost lines were dropped.
 */
export function pruneFrames(locationFunctions: readonly (readonly string[])[], stacks: number[][], drop: string, keep: string): number[] {
  const dropRe = new RegExp(`^(?:${drop})$`);
  const keepRe = keep === '' ? null : new RegExp(`^(?:${keep})$`);
  const dropped = locationFunctions.map((names) => {
    for (let k = names.length - 1; k >= 0; k--) {
      const name = simplifyName(names[k]);
      if (names[k] !== '' && dropRe.test(name) && !keepRe?.test(name)) return k + 1;
    }
    return 0;
  });
  for (const stack of stacks) {
    let foundUser = false;
    for (let i = stack.length - 1; i >= 0; i--) {
      const cut = dropped[stack[i]];
      if (cut === 0) foundUser = true;
      else if (foundUser) {
        // A partly pruned location keeps its outer lines, and so its place in the stack.
        stack.splice(0, cut === locationFunctions[stack[i]].length ? i + 1 : i);
        break;
      }
    }
  }
  return dropped;
}

/** An argument list's opening parenthesis, or a name that has one but is not an argument list. */
const PAREN = /\(anonymous namespace\)|operator\(\)|\(/g;

/**
 * A function name without a C++ argument list (from its first `(` that does not belong to
 * `(anonymous namespace)` or `operator()`) or the leading `.` of the PPC64 ELFv1 ABI. Go names lose
 * their receiver this way (`runtime.(*mheap).alloc` becomes `runtime.`), which is still what
 * drop_frames is matched against.
 */
export function simplifyName(name: string): string {
  const bare = name.startsWith('.') ? name.slice(1) : name;
  for (const m of bare.matchAll(PAREN)) if (m[0] === '(') return bare.slice(0, m.index);
  return bare;
}
