import { parseArgs } from '../../src/cli/flags.js';
import { usageText } from '../../src/cli/usage.js';
import { DEFAULT_PROFILE_PATH, goDuration, resolveSource } from '../../src/inputs/inputs.js';

const none = { seconds: 0, timeout: 0 };
const missing = () => false;

describe('resolveSource: file or URL, as pprof decides', () => {
  it('takes a path that exists as a file, even one that reads like host:port', () => {
    expect(resolveSource('localhost:6060', none, () => true)).toEqual({ kind: 'file', path: 'localhost:6060' });
  });

  it.each([
    ['http://127.0.0.1:6060/debug/pprof/heap', 'http://127.0.0.1:6060/debug/pprof/heap'],
    ['https://example.com/debug/pprof/allocs', 'https://example.com/debug/pprof/allocs'],
    ['https+insecure://10.0.0.1:443/debug/pprof/heap', 'https+insecure://10.0.0.1:443/debug/pprof/heap'],
    // The shorthand gets http://; an empty path (or "/") means the heap profile.
    ['localhost:6060', `http://localhost:6060${DEFAULT_PROFILE_PATH}`],
    ['127.0.0.1:6060/', `http://127.0.0.1:6060${DEFAULT_PROFILE_PATH}`],
    ['http://127.0.0.1:6060', `http://127.0.0.1:6060${DEFAULT_PROFILE_PATH}`],
    ['127.0.0.1:6060/debug/pprof/allocs', 'http://127.0.0.1:6060/debug/pprof/allocs'],
    ['[::1]:6060/debug/pprof/heap', 'http://[::1]:6060/debug/pprof/heap'],
    // pprof re-encodes the query with its keys sorted.
    ['127.0.0.1:6060/debug/pprof/heap?gc=1&debug=0', 'http://127.0.0.1:6060/debug/pprof/heap?debug=0&gc=1'],
  ])('%s → %s', (arg, url) => {
    const source = resolveSource(arg, none, missing);
    expect(source).toEqual({ kind: 'url', url, seconds: 0, timeoutSeconds: 60 });
  });

  it.each(['heap.pb.gz', 'profiles/heap.pb.gz', 'localhost/debug/pprof/heap', 'dir/host:6060', 'file:///tmp/heap.pb.gz', 'heap:1.pb.gz'])(
    'a missing %s stays a file, so its error says "no such file"',
    (arg) => {
      expect(resolveSource(arg, none, missing)).toEqual({ kind: 'file', path: arg });
    },
  );

  it('-seconds adds (or replaces) ?seconds=N and sets the timeout to 1.5 × seconds', () => {
    expect(resolveSource('localhost:6060', { seconds: 30, timeout: 0 }, missing)).toEqual({
      kind: 'url',
      url: 'http://localhost:6060/debug/pprof/heap?seconds=30',
      seconds: 30,
      timeoutSeconds: 45,
    });
    const replaced = resolveSource('h:1/debug/pprof/heap?seconds=5&gc=1', { seconds: 1, timeout: 0 }, missing);
    expect(replaced).toMatchObject({ url: 'http://h:1/debug/pprof/heap?gc=1&seconds=1', timeoutSeconds: 1.5 });
  });

  it('a URL with its own seconds= gets the matching timeout, without the "Please wait" of the flag', () => {
    expect(resolveSource('h:1/debug/pprof/heap?seconds=10', none, missing)).toMatchObject({ seconds: 0, timeoutSeconds: 15 });
  });

  it('-timeout wins over the default', () => {
    expect(resolveSource('h:1', { seconds: 30, timeout: 5 }, missing)).toMatchObject({ timeoutSeconds: 5 });
    expect(resolveSource('h:1', { seconds: 0, timeout: 0 }, missing)).toMatchObject({ timeoutSeconds: 60 });
  });
});

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [1.5, '1.5s'],
    [45, '45s'],
    [60, '1m0s'],
    [65, '1m5s'],
    [3600, '1h0m0s'],
  ])('%d → %s', (seconds, text) => {
    expect(goDuration(seconds)).toBe(text);
  });
});

describe('-seconds and -timeout: command-line-only flags from the flag table', () => {
  it('parses both spellings and keeps 0 for "not given"', () => {
    expect(parseArgs(['-seconds=5', '-timeout', '10', 'h:1']).fetch).toEqual({ seconds: 5, timeout: 10 });
    expect(parseArgs(['--seconds', '7', 'h:1']).fetch).toEqual({ seconds: 7, timeout: 0 });
    expect(parseArgs(['h:1']).fetch).toEqual({ seconds: 0, timeout: 0 });
  });

  it('does not turn them into console options', () => {
    expect(parseArgs(['-seconds=5', '-top', 'h:1']).assignments).toEqual([]);
  });

  it('rejects a value that is not an integer, in Go flag wording', () => {
    expect(() => parseArgs(['-seconds=1.5', 'h:1'])).toThrow('invalid value "1.5" for flag -seconds: parse error');
    expect(() => parseArgs(['-timeout=abc', 'h:1'])).toThrow('invalid value "abc" for flag -timeout: parse error');
    expect(() => parseArgs(['h:1', '-timeout'])).toThrow('flag needs an argument: -timeout');
  });

  it('lists them in -h', () => {
    const help = usageText();
    expect(help).toContain('\n  -seconds=<int>          fetch a delta profile over N seconds from a URL (adds ?seconds=N)\n');
    expect(help).toContain('\n  -timeout=<int>          give up on a fetch after N seconds (default: 1.5 × -seconds, or 60)\n');
  });
});
