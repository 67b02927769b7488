import { readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Session } from '../session.js';
import { type HttpAddress, hostAllowed } from './address.js';
import { queryAssignments } from './query.js';
import { type SvgRenderer, renderGraphView, renderView } from './render.js';
import { ViewError } from './views.js';
import { RecentCache } from '../analysis/graph/recent-cache.js';

/** The views by path: pprof's. */
const VIEW_PATHS = new Map([
  ['/ui/', ''],
  ['/ui/top', 'top'],
  ['/ui/peek', 'peek'],
  ['/ui/source', 'source'],
  ['/ui/flamegraph', 'flamegraph'],
  ['/ui/growth', 'growth'],
]);

/** The files the page loads, by URL path and file name in the assets folder: nothing else is served from disk. */
const ASSETS = new Map([['/ui/static/app.js', { file: 'app.js', type: 'text/javascript; charset=utf-8' }]]);

/** Pages kept, by view and query: switching back and forth between views costs nothing. */
const PAGES_KEPT = 8;

/** Bodies larger than this are sent gzipped to a client that takes it. */
const GZIP_FROM = 8192;

/** What the server needs: the session, the address it listens on (for the Host check), and where its assets are. */
export interface WebSettings {
  readonly session: Session;
  readonly address: HttpAddress;
  /** The folder of the page's script (`app.js`), built by scripts/bundle.js. */
  readonly assetsDir: URL;
  /** Draws the graph view's SVG. */
  readonly svg: SvgRenderer;
}

/** The views made before they are asked for, the most asked first: a browser opens on the graph. */
const WARMED_VIEWS = ['', 'flamegraph', 'peek', 'source'];

/**
 * The request handler of the web UI; `bound` is read at each request (the port is known only
 * once listening). `warm` makes the default views' pages one by one, a request served between
 * any two, so the first look at each costs nothing on a large profile.
 */
export function webHandler(
  settings: Omit<WebSettings, 'address'>,
  bound: () => HttpAddress,
): { handle: (req: IncomingMessage, res: ServerResponse) => void; warm: () => void } {
  const pages = new RecentCache<Promise<{ status: number; body: string }>>(PAGES_KEPT);
  const pageFor = (view: string, query: URLSearchParams) => pages.get(`${view}?${query.toString()}`, () => viewPage(settings, view, query));
  const warm = () => {
    const next = (i: number) => {
      if (i >= WARMED_VIEWS.length) return;
      void pageFor(WARMED_VIEWS[i], new URLSearchParams()).finally(() => setImmediate(() => next(i + 1)));
    };
    setImmediate(() => next(0));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, bound()))
      return send(
        req,
        res,
        403,
        'text/plain; charset=utf-8',
        `Host ${JSON.stringify(req.headers.host ?? '')} is not this server's: refused (DNS rebinding)\n`,
      );
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    const url = new URL(req.url ?? '/', 'http://server');
    if (url.pathname === '/' || url.pathname === '/ui') {
      res.writeHead(302, { Location: '/ui/' });
      return void res.end();
    }
    // Browsers ask for an icon whatever the page says: an empty answer rather than a 404 in the console.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204, SECURITY_HEADERS).end();
    const asset = ASSETS.get(url.pathname);
    if (asset) return sendAsset(req, res, settings.assetsDir, asset);
    const view = VIEW_PATHS.get(url.pathname);
    if (view === undefined) return send(req, res, 404, 'text/plain; charset=utf-8', '404 page not found\n');
    pageFor(view, url.searchParams).then(
      ({ status, body }) => send(req, res, status, status === 200 ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8', body),
      (err: Error) => send(req, res, 500, 'text/plain; charset=utf-8', `${err.message}\n`),
    );
  };
  return { handle, warm };
}

async function viewPage(
  settings: Omit<WebSettings, 'address'>,
  view: string,
  query: URLSearchParams,
): Promise<{ status: number; body: string }> {
  try {
    const assignments = queryAssignments(query);
    const body =
      view === ''
        ? await renderGraphView(settings.session, query, assignments, settings.svg)
        : renderView(settings.session, view, query, assignments);
    return { status: 200, body };
  } catch (err) {
    if (err instanceof ViewError) return { status: 400, body: `${err.message}\n` };
    throw err;
  }
}

/** Starts the server on `address`; resolves to it once listening, with the port it got. */
export function startWebServer(settings: WebSettings): Promise<{ server: Server; address: HttpAddress }> {
  let bound = settings.address;
  const handler = webHandler(settings, () => bound);
  const server = createServer(handler.handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // `localhost` is listened on as 127.0.0.1, as Go's pprof does: Node would take whichever
    // address the resolver gives first (::1 on some machines), which an IPv4 client cannot reach.
    const host = settings.address.host === 'localhost' ? '127.0.0.1' : settings.address.host;
    server.listen(settings.address.port, host, () => {
      const info = server.address();
      bound = { host: settings.address.host, port: typeof info === 'object' && info !== null ? info.port : settings.address.port };
      resolve({ server, address: bound });
      handler.warm();
    });
  });
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'",
};

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  let data = typeof body === 'string' ? Buffer.from(body) : body;
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' };
  if (data.length >= GZIP_FROM && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    data = gzipSync(data, { level: 1 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = data.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : data);
}

function sendAsset(req: IncomingMessage, res: ServerResponse, dir: URL, asset: { file: string; type: string }): void {
  let body: Buffer;
  try {
    body = readFileSync(new URL(asset.file, dir));
  } catch {
    return send(req, res, 404, 'text/plain; charset=utf-8', `${asset.file} is not built: run npm run build\n`);
  }
  send(req, res, 200, asset.type, body);
}
