import { dotColor } from '../../src/format/dot-color.js';
import { dotEscape, multilineName, shortFunctionName } from '../../src/format/dot-names.js';
import { panZoomSvg } from '../../src/format/svg.js';

describe('graph labels', () => {
  it.each([
    ['main.growBuf', 'main.growBuf'],
    ['github.com/acme/app/internal/store.(*DB).Get', 'store.(*DB).Get'],
    // A module's major version goes with its path.
    ['github.com/acme/app/v2.Run', 'app.Run'],
    ['gopkg.in/yaml.v3.(*parser).node', 'yaml.v3.(*parser).node'],
    ['com.google.common.Foo.bar(int, java.lang.String)', 'Foo.bar'],
    ['com.google.Foo$Inner.<init>', 'Foo$Inner.<init>'],
    ['ns::detail::Widget::~Widget', 'Widget::~Widget'],
    ['(anonymous namespace)::Helper::run', 'Helper::run'],
    ['std::vector<int>::push_back', 'std::vector<int>::push_back'],
    ['', ''],
  ])('%s is shown as %s', (name, short) => {
    expect(shortFunctionName(name)).toBe(short);
  });

  it("cuts names into lines, keeps a generic's [...] whole, and ends each line with \\n", () => {
    const info = { name: 'example.com/m/pkg.Map[...].Get', file: '/src/pkg/map.go', line: 12, address: 0, objfile: '', startLine: 0 };
    expect(multilineName(info)).toBe('pkg\\nMap[…]\\nGet\\nmap.go:12\\n');
    expect(multilineName({ ...info, name: '', line: 0, file: '', objfile: '/usr/lib/libc.so.6' })).toBe('[libc.so.6]\\n');
    expect(multilineName({ ...info, name: '', line: 0, file: '' })).toBe('<unknown>\\n');
    expect(dotEscape('a "b" \\ c\nd')).toBe('a \\"b\\" \\\\ c\\ld');
  });

  it('colours shares from green (shrank) through grey to red (grew)', () => {
    expect(dotColor(1, false)).toBe('#b20000');
    expect(dotColor(1, true)).toBe('#edd5d5');
    expect(dotColor(0, false)).toBe('#b2b2b2');
    expect(dotColor(-1, false)).toBe('#00b200');
    expect(dotColor(2, false)).toBe(dotColor(1, false));
  });
});

describe('panZoomSvg', () => {
  it("makes dot's SVG fill the window and wraps the graph in a viewport after the script", () => {
    const svg =
      '<svg width="100pt" height="50pt"\n viewBox="0.00 0.00 100.00 50.00" xmlns="x">\n<g id="graph0" class="graph">\n<title>a&;b</title></g>\n</svg>\n';
    const out = panZoomSvg(svg);
    expect(
      out.startsWith('<svg width="100%" height="100%" xmlns="x">\n<script type="text/ecmascript"><![CDATA[\n/**\n *  SVGPan library 1.2.2'),
    ).toBe(true);
    expect(out).toContain(']]></script><g id="viewport" transform="scale(0.5,0.5) translate(0,0)"><g id="graph0" class="graph">');
    expect(out.endsWith('<title>a&amp;;b</title></g>\n</g></svg>\n')).toBe(true);
  });
});
