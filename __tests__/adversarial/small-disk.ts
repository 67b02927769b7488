/**
 * A small tmpfs, to fill a disk for real. Mounting needs root; where it cannot be done, the tests
 * that need it are skipped and say why (the fault-injecting writes still cover the same code).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** A mounted folder and how to unmount it; or why there is none. */
export type SmallDisk = { readonly dir: string; readonly unmount: () => void } | { readonly dir: null; readonly why: string };

/** Mounts a tmpfs of `kib` KiB at `dir` (created), read-only if asked. */
export function mountSmallDisk(dir: string, kib: number, readOnly = false): SmallDisk {
  if (process.platform !== 'linux') return { dir: null, why: 'tmpfs mounts are a Linux thing' };
  if (process.getuid?.() !== 0) return { dir: null, why: 'mounting a tmpfs needs root' };
  mkdirSync(dir, { recursive: true });
  const options = `size=${kib}k,mode=0777${readOnly ? ',ro' : ''}`;
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return { dir: null, why: `mount failed: ${(mounted.stderr || mounted.error?.message || '').trim()}` };
  return { dir, unmount: () => void spawnSync('umount', ['-l', dir]) };
}
