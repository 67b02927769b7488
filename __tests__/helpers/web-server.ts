import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { request } from 'node:http';

/** A `heapcli -http` started for a test, and what it printed. */
export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  stderr: string;
  stop(): Promise<void>;
}

/** Runs the built heapcli (`bin`, by default this checkout's) with `args` and waits for its `Serving web UI on URL` line. */
export function startHeapcliWeb(args: readonly string[], env: NodeJS.ProcessEnv = {}, bin = 'bin/heapcli.js'): Promise<WebServer> {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, TZ: 'UTC', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const server = {
      child,
      stderr: '',
      url: '',
      port: 0,
      stop: () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
    child.stderr!.on('data', (chunk: Buffer) => {
      server.stderr += chunk.toString();
      const m = /Serving web UI on (http:\/\/[^\s]+:(\d+))\n/.exec(server.stderr);
      if (m && server.url === '') {
        server.url = m[1];
        server.port = Number(m[2]);
        resolve(server);
      }
    });
    child.once('exit', (code) => reject(new Error(`heapcli exited ${code} before serving: ${server.stderr}`)));
  });
}

/** A GET with a raw path and headers as given (Host included), as a browser or an attacker would send. */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `localhost:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The built heapcli's stdout for a one-shot report (the console's numbers to compare a view with). */
export function heapcliReport(args: readonly string[]): string {
  return execFileSync(process.execPath, ['bin/heapcli.js', ...args], {
    env: { ...process.env, TZ: 'UTC' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** HTML text back to plain text (the entities our pages write). */
export function unescapeHtml(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
