import { loadProfileFile } from '../src/host/profile-file.js';
import { Interrupted, Session } from '../src/session.js';
import { headerOf } from './helpers/stack-profile.js';

process.env.TZ = 'UTC';
const profile = loadProfileFile('testdata/profiles/leakybuf.heap.pb.gz');
const consoleSession = () => new Session(profile, { interactive: true });

describe('Session.execute', () => {
  it('keeps options unchanged after every kind of error', () => {
    const session = consoleSession();
    session.execute('nodecount=7');
    const before = session.options;
    const errors: [string, string][] = [
      ['nodecount=abc', 'strconv.Atoi: parsing "abc": invalid syntax\n'],
      ['nodefraction=x', 'strconv.ParseFloat: parsing "x": invalid syntax\n'],
      ['sample_index=9', 'sample_index 9 is outside the range [0..3]\n'],
      ['trim=maybe', 'illegal value "maybe" for bool variable\n'],
      ['sort=foo', 'invalid "sort" value "foo"\n'],
      ['granularity=rows', 'invalid "granularity" value "rows"\n'],
      ['cum', 'unknown config field "cum"\n'],
      ['lines=false', 'unknown config field "lines"\n'],
      ['focus', 'please specify a value, e.g. focus=<val>\n'],
      ['bogus', 'unrecognized command: "bogus"\n'],
      ['top >', 'unexpected end of line after >\n'],
    ];
    for (const [line, message] of errors) {
      const result = session.execute(line);
      expect([line, result.err, result.failed]).toEqual([line, message, true]);
      expect(session.options).toEqual(before);
    }
  });

  it('stores sample_index by name, whichever way it was given', () => {
    const session = consoleSession();
    session.execute('sample_index=1');
    expect(session.options.sample_index).toBe('alloc_space');
    session.execute('inuse_objects');
    expect(session.options.sample_index).toBe('inuse_objects');
    session.execute('mean_alloc_space');
    expect([session.options.mean, session.options.sample_index]).toEqual([true, 'alloc_space']);
  });

  it('applies choices given as names, and strips //: comments from values', () => {
    const session = consoleSession();
    session.execute('cum=true');
    session.execute('lines=1');
    session.execute('nodecount=2 //: a note');
    expect([session.options.sort, session.options.granularity, session.options.nodecount]).toEqual(['cum', 'lines', 2]);
  });

  it('clears focus and ignore with ":"', () => {
    const session = consoleSession();
    session.execute('focus=main');
    session.execute('ignore=fmt');
    session.execute(':');
    expect([session.options.focus, session.options.ignore]).toEqual(['', '']);
  });

  it('applies command-line settings to that command only', () => {
    const session = consoleSession();
    // As `go tool pprof` printed it for the same line.
    expect(session.execute('top 2 GetLargeData -cum').out).toBe(
      [
        'Active filters:',
        '   focus=GetLargeData',
        'Showing nodes accounting for 288kB, 5.79% of 4972.95kB total',
        'Dropped 5 nodes (cum <= 24.86kB)',
        'Showing top 2 nodes out of 5',
        '      flat  flat%   sum%        cum   cum%',
        '     288kB  5.79%  5.79%  4501.21kB 90.51%  main.GetLargeData',
        '         0     0%  5.79%  4501.21kB 90.51%  main.main',
        '',
      ].join('\n'),
    );
    expect(session.options).toEqual(consoleSession().options);
  });

  it('fails a bad regexp at report time and keeps the stored value, as pprof does', () => {
    const session = consoleSession();
    expect(session.execute('focus=(').err).toBe('');
    expect(session.execute('top').err).toBe('parsing focus regexp: error parsing regexp: missing closing ): `(`\n');
    expect(session.options.focus).toBe('(');
  });

  it('redirects a report to a file for the caller to write', () => {
    const result = consoleSession().execute('top3 >report.txt');
    expect(result.out).toBe('');
    expect(result.err).toBe('Generating report in report.txt\n');
    expect(result.file?.path).toBe('report.txt');
    expect(result.file?.text).toMatch(/^Showing nodes accounting for .*\n.*\nShowing top 3 nodes out of 12\n/);
  });

  it('sends every later report to the output file until output is cleared', () => {
    const session = consoleSession();
    session.execute('output=later.txt');
    const first = session.execute('top3');
    expect([first.out, first.err, first.file?.path]).toEqual(['', 'Generating report in later.txt\n', 'later.txt']);
    expect(session.execute('o').file).toBeUndefined();
    session.execute('output=');
    expect(session.execute('top1').out).toMatch(/^Showing nodes accounting for /);
  });

  it('leaves on quit, exit and q', () => {
    for (const word of ['quit', 'exit', 'q']) expect(consoleSession().execute(word).quit).toBe(true);
  });

  it('greets like pprof, with the profile labels', () => {
    expect(consoleSession().greeting()).toBe(
      'File: leakybuf\nType: inuse_space\nTime: Nov 26, 2026 at 10:33am (UTC)\nEntering interactive mode (type "help" for commands, "o" for options)\n',
    );
  });

  it('lists help topics from the tables', () => {
    const session = consoleSession();
    expect(session.execute('help').err).toMatch(/^ {2}Commands:\n {4}top +Outputs top entries in text form\n/);
    expect(session.execute('help nodecount').err).toBe(
      "Max number of nodes to show (-1: the report's default; 0: all)\n  Set with: nodecount=<int>\n",
    );
    expect(session.execute('help bogus').err).toBe('Unknown command: bogus\n');
  });
});

describe('the greeting of a profile whose default sample type is empty', () => {
  // As `go tool pprof` printed it for the same profile.
  it("adds pprof's hint about sample_index", async () => {
    const { ProfileBuilder } = await import('../src/profile/builder.js');
    const b = new ProfileBuilder(2);
    const fn = b.addFunction('alloc', 'alloc', '', 0);
    b.addSample([b.addLocation(-1, 0, false, [[fn, 1]])]);
    const header = headerOf(
      [
        { type: 'alloc_space', unit: 'bytes' },
        { type: 'inuse_space', unit: 'bytes' },
      ],
      { periodType: { type: '', unit: '' } },
    );
    const session = new Session(b.finish(header, Float64Array.from([4096, 0])), { interactive: true });
    expect(session.greeting()).toBe(
      [
        'Type: inuse_space',
        'No samples were found with the default sample value type.',
        'Try "sample_index" command to analyze different sample values.',
        'Entering interactive mode (type "help" for commands, "o" for options)',
        '',
      ].join('\n'),
    );
  });
});

describe('cached graphs', () => {
  // Each step changes something a cached graph depends on; the answer must be a fresh session's.
  const steps = [
    'top',
    'nodecount=3',
    'top',
    'sort=cum',
    'top',
    'nodefraction=0.2',
    'top',
    'nodefraction=0.005',
    'tree',
    'edgefraction=0.3',
    'tree',
    'drop_negative=true',
    'tree',
    'trim=false',
    'tree',
    'trim=true',
    'peek main',
    'peek runtime',
    'top',
    'sample_index=alloc_space',
    'top',
    'mean=true',
    'top',
    'mean=false',
    'focus=main',
    'top',
    'granularity=lines',
    'top',
    'noinlines=true',
    'top',
    'granularity=functions',
    'noinlines=false',
    'focus=',
    'top',
    'hide=runtime',
    'top',
    'tree',
    'list main.main',
  ];

  it('answer each command as a fresh session with the same options does', () => {
    const session = consoleSession();
    const settings: string[] = [];
    for (const line of steps) {
      if (line.includes('=')) {
        settings.push(line);
        expect(session.execute(line).failed).toBe(false);
        continue;
      }
      const fresh = consoleSession();
      for (const setting of settings) fresh.execute(setting);
      const expected = fresh.execute(line);
      expect([line, session.execute(line).out]).toEqual([line, expected.out]);
      // A repeat comes from the cache and must not differ either.
      expect([line, session.execute(line).out]).toEqual([line, expected.out]);
    }
  });
});

describe('prepareFirstReport', () => {
  /** A console session that counts its checkpoints (the node sums make one per 4,096 samples). */
  const counted = () => {
    const calls = { n: 0 };
    const session = new Session(profile, { interactive: true, checkpoint: () => void calls.n++ });
    return { session, calls };
  };

  it('computes the node sums the first top reads, and that top answers as without it', () => {
    const plain = counted();
    const expected = plain.session.execute('top');
    const sumsAndTop = plain.calls.n;

    const warmed = counted();
    warmed.session.prepareFirstReport();
    const prepared = warmed.calls.n;
    expect(prepared).toBeGreaterThan(0);
    expect(warmed.session.execute('top')).toEqual(expected);
    // Together they make as many checkpoints as the top alone: the top did not sum again.
    expect(warmed.calls.n).toBe(sumsAndTop);
    expect(warmed.session.options).toEqual(plain.session.options);
  });

  it('asked to, sums the other sample types in the same walk, so switching to one does not walk again', () => {
    const plain = counted();
    plain.session.execute('top');
    const warmed = counted();
    warmed.session.prepareFirstReport(true);
    // What a top makes beyond the sums (its edges), as the first top after preparing shows.
    const beyondSums = plain.calls.n - warmed.calls.n;
    for (const index of ['alloc_space', 'alloc_objects', 'inuse_objects']) {
      const fresh = consoleSession();
      fresh.execute(`sample_index=${index}`);
      warmed.session.execute(`sample_index=${index}`);
      const before = warmed.calls.n;
      expect([index, warmed.session.execute('top').out]).toEqual([index, fresh.execute('top').out]);
      expect([index, warmed.calls.n - before]).toEqual([index, beyondSums]);
    }
  });

  it('leaves a failure to the command that meets it', () => {
    const session = consoleSession();
    expect(session.execute('focus=(').failed).toBe(false);
    expect(() => session.prepareFirstReport()).not.toThrow();
    expect(session.execute('top').err).toMatch(/^parsing focus regexp: .*missing closing \)/);
    const stopped = new Session(profile, {
      interactive: true,
      checkpoint: () => {
        throw new Interrupted();
      },
    });
    expect(() => stopped.prepareFirstReport()).not.toThrow();
  });
});
