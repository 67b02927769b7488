/**
 * DescriptorOut, which writes a one-shot report to descriptor 1 without opening process.stdout:
 * all of it on a descriptor that takes it; when a non-blocking one is full, the rest, and every
 * text after it, handed on to a stream in order; EPIPE thrown when the reader has gone. A FIFO opened non-blocking at both ends stands for a pipe
 * that another program set non-blocking (Node's own spawn makes a child's stdio blocking).
 */
import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescriptorOut } from '../../src/cli/descriptor-out.js';

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

/** A stream standing for process.stdout, which collects what it is given; opened when first asked for. */
function fallback(highWaterMark = 1 << 20) {
  const stream = new PassThrough({ highWaterMark });
  const chunks: Buffer[] = [];
  let opened = 0;
  return {
    open: () => {
      opened++;
      return stream;
    },
    stream,
    opened: () => opened,
    /** What went through it so far, read by a slow reader (one 'data' at a time, when asked). */
    read: () => {
      for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  };
}

it('writes all of a text that fits, and opens no stream', () => {
  const small = text(100);
  const queue = fallback();
  expect(new DescriptorOut(writer, queue.open).write(small)).toBeUndefined();
  expect(queue.opened()).toBe(0);
  expect(drain().toString('utf8')).toBe(small);
});

it('hands on exactly the bytes a full non-blocking pipe did not take, and everything after them', async () => {
  const big = text(20_000); // about 700 kB, more than a pipe holds
  const queue = fallback();
  const out = new DescriptorOut(writer, queue.open);
  await out.write(big);
  const written = drain();
  // The pipe has room again, but what follows must queue behind the bytes already handed on.
  await out.write('after\n');
  expect(drain()).toHaveLength(0);
  expect(queue.opened()).toBe(1);
  expect(written.length).toBeGreaterThan(0);
  expect(Buffer.concat([written, queue.read()]).toString('utf8')).toBe(big + 'after\n');
});

it('asks the writer to wait while the stream it hands on to is full, and loses nothing', async () => {
  const queue = fallback(1024);
  const out = new DescriptorOut(writer, queue.open);
  const chunks = Array.from({ length: 40 }, (_, i) => text(500).replace(/^0\t/, `${i}\t`));
  let waits = 0;
  // Nobody reads the pipe meanwhile: it fills within the first chunks, and the rest queue.
  for (const chunk of chunks) {
    const wait = out.write(chunk);
    if (wait) {
      waits++;
      // A slow reader: it takes what is queued only after the writer has started waiting.
      setImmediate(() => queue.read());
      await wait;
    }
  }
  expect(waits).toBeGreaterThan(0);
  expect(Buffer.concat([drain(), queue.read()]).toString('utf8')).toBe(chunks.join(''));
});

it('throws EPIPE when the reader has gone', () => {
  closeSync(reader);
  expect(() => new DescriptorOut(writer, fallback().open).write(text(10))).toThrow(expect.objectContaining({ code: 'EPIPE' }));
});
