/**
 * The flame graph in a real browser: Debian's chromium, headless, driven by playwright-core.
 * Skips (saying so) only where chromium is not installed; .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { type WebServer, startHeapcliWeb } from '../helpers/web-server.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const built = existsSync('dist/bundle/web/app.js');
if (!CHROMIUM) console.warn('__tests__/web/browser.test.ts: skipped, chromium is not installed (apt-get install chromium)');
if (!built) console.warn('__tests__/web/browser.test.ts: skipped, dist/ is not built (npm run build)');
const maybe = CHROMIUM && built ? describe : describe.skip;

interface Drawn {
  name: string;
  x: number;
  y: number;
  width: number;
  above: boolean;
}

maybe('the flame graph in chromium', () => {
  let web: WebServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    web = await startHeapcliWeb(['-http=localhost:0', '-no_browser', 'testdata/profiles/leakybuf.heap.pb.gz']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.url}/ui/flamegraph`);
    await page.waitForFunction(() => 'heapcliFlame' in window);
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  const drawn = () => page.evaluate(() => (window as unknown as { heapcliFlame: { drawn: Drawn[] } }).heapcliFlame.drawn);
  const frame = async (name: string) => (await drawn()).find((d) => d.name === name && !d.above);
  const canvasBox = async () => (await page.locator('#flame-canvas').boundingBox())!;

  it('draws the root across the canvas and callees by their share', async () => {
    const box = await canvasBox();
    const root = (await frame('root'))!;
    expect([root.x, root.width]).toEqual([0, box.width]);
    const data = await page.evaluate(
      () => JSON.parse(document.getElementById('view-data')!.textContent!) as { names: string[]; frames: number[] },
    );
    const at = data.frames.findIndex((v, i) => i % 4 === 0 && data.names[v] === 'main.GetLargeData');
    const large = (await frame('main.GetLargeData'))!;
    expect(large.width).toBeCloseTo((box.width * data.frames[at + 3]) / data.frames[3], 5);
    expect(errors).toEqual([]);
  });

  it('zooms into a clicked frame: it spans the canvas, its callers above, its siblings gone', async () => {
    const box = await canvasBox();
    const target = (await frame('main.GetLargeData'))!;
    await page.mouse.click(box.x + target.x + target.width / 2, box.y + target.y + 9);
    const after = await drawn();
    expect(await page.locator('#flame-canvas').getAttribute('data-zoom')).toBe('main.GetLargeData');
    const zoomed = after.find((d) => d.name === 'main.GetLargeData')!;
    expect([zoomed.x, zoomed.width, zoomed.above]).toEqual([0, box.width, false]);
    expect(after.filter((d) => d.above).map((d) => d.name)).toEqual(['main.main', 'runtime.main', 'root']);
    expect(after.some((d) => d.name === 'main.indexRows')).toBe(false);
    expect(await page.locator('#flame-crumbs').textContent()).toBe('root › runtime.main › main.main › main.GetLargeData');
    // What is drawn: the zoomed frame's row is painted (not the white background) and labelled.
    const pixel = await page.evaluate(
      ([x, y]) =>
        Array.from(
          (document.getElementById('flame-canvas') as HTMLCanvasElement)
            .getContext('2d')!
            .getImageData(x * devicePixelRatio, y * devicePixelRatio, 1, 1).data,
        ),
      [box.width - 4, zoomed.y + 4],
    );
    expect(pixel.slice(0, 3)).not.toEqual([255, 255, 255]);
    await page.keyboard.press('Escape');
    expect(await page.locator('#flame-canvas').getAttribute('data-zoom')).toBe('root');
  });

  it("highlights search matches and gives their share of the total, as top's cum", async () => {
    await page.fill('#search', '^main\\.growBuf$');
    expect(await page.locator('#flame-match').textContent()).toBe('Matched: 4119kB, 82.83% of total (1 frames)');
    await page.fill('#search', '');
  });

  it('shows flat and cum with percentages on hover', async () => {
    const box = await canvasBox();
    const target = (await frame('main.growBuf'))!;
    await page.mouse.move(box.x + target.x + target.width / 2, box.y + target.y + 9);
    expect(await page.locator('#flame-tip').textContent()).toBe(
      'main.growBuf\nFlat: 4119kB (82.83% of total)\nCum: 4119kB (82.83% of total, 82.83% of root)\ninuse_space, click to zoom',
    );
  });
});
