/**
 * writeToDescriptor, which writes a one-shot report to descriptor 1 without opening process.stdout:
 * all of it on a descriptor that takes it, the rest handed on when a non-blocking one is full, and
 * EPIPE thrown when the reader has gone. A FIFO opened non-blocking at both ends stands for a pipe
 * that another program set non-blocking (Node's own spawn makes a child's stdio blocking).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeToDescriptor } from '../../src/cli/descriptor-out.js';

let dir: string;
let reader: number;
let writer: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'heapcli-fd-'));
  const fifo = join(dir, 'out');
  execFileSync('mkfifo', [fifo]);
  reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
});
afterEach(() => {
  for (const fd of [reader, writer]) {
    try {
      closeSync(fd);
    } catch {
      // closed by the test
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Everything the FIFO holds now. */
function drain(): Buffer {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    try {
      const n = readSync(reader, buf);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw err;
    }
  }
  return Buffer.concat(chunks);
}

/** A report-like text of `lines` numbered lines, with some non-ASCII to count bytes, not characters. */
function text(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `${i}\tµs flat flat% sum% cum cum%\n`).join('');
}

it('writes all of a text that fits, and hands nothing on', () => {
  const small = text(100);
  const rest: Uint8Array[] = [];
  writeToDescriptor(writer, small, (bytes) => rest.push(bytes));
  expect(rest).toEqual([]);
  expect(drain().toString('utf8')).toBe(small);
});

it('hands on exactly the bytes a full non-blocking pipe did not take', () => {
  const big = text(20_000); // about 700 kB, more than a pipe holds
  const rest: Uint8Array[] = [];
  writeToDescriptor(writer, big, (bytes) => rest.push(Buffer.from(bytes)));
  expect(rest).toHaveLength(1);
  const written = drain();
  expect(written.length).toBeGreaterThan(0);
  expect(rest[0].length).toBeGreaterThan(0);
  expect(Buffer.concat([written, rest[0]]).toString('utf8')).toBe(big);
});

it('throws EPIPE when the reader has gone', () => {
  closeSync(reader);
  expect(() => writeToDescriptor(writer, text(10), () => {})).toThrow(expect.objectContaining({ code: 'EPIPE' }));
});
