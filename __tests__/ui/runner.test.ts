import { greetingFor, type ConsoleInfo } from '../../src/ui/runner.js';

const info: ConsoleInfo = {
  greeting: 'File: leakybuf\nType: inuse_space\nEntering interactive mode (type "help" for commands, "o" for options)\n',
  sampleTypes: [],
  sampleUnits: [],
  labelKeys: [],
  functionNames: [],
};

describe('greetingFor', () => {
  it("is the session's greeting for one profile", () => {
    expect(greetingFor(info, [], ['a.pb.gz'])).toBe(info.greeting);
  });

  it("puts pprof's notices first, and says once, before the banner, which profiles were merged", () => {
    expect(
      greetingFor(info, ['x.pb.gz: open x.pb.gz: no such file or directory', 'Fetched 2 source profiles out of 3'], ['a.pb.gz', 'b.pb.gz']),
    ).toBe(
      [
        'x.pb.gz: open x.pb.gz: no such file or directory',
        'Fetched 2 source profiles out of 3',
        'File: leakybuf',
        'Type: inuse_space',
        'Merged 2 profiles: a.pb.gz b.pb.gz',
        'Entering interactive mode (type "help" for commands, "o" for options)',
        '',
      ].join('\n'),
    );
  });
});
