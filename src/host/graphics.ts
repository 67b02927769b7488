/**
 * The GraphicsPort of a real session: Graphviz's `dot` program draws graphs when it is on PATH;
 * without it an SVG is drawn by Graphviz compiled to WebAssembly (@viz-js/viz, loaded only then),
 * and the other formats answer with one line on what to install. Viewers are in viewers.ts.
 */
import { createRequire } from 'node:module';
import type { GraphicsPort, ImageFormat } from '../commands/graphics.js';
import { childProcess } from './lazy-builtins.js';
import { viewFile } from './viewers.js';

/** The graphics of a session run with environment `env` (its PATH, BROWSER, DISPLAY). */
export function systemGraphics(env: NodeJS.ProcessEnv): GraphicsPort {
  return {
    render: (dot, format) => renderGraph(dot, format, env),
    view: (bytes, suffix, viewers, wait) => viewFile(bytes, suffix, viewers, wait, env),
  };
}

/** Draws `dot` in `format`: with Graphviz's dot program, else (svg only) with its WebAssembly build. */
export async function renderGraph(dot: string, format: ImageFormat, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const drawn = await runDot(dot, format, env);
  if (drawn !== null) return drawn;
  if (format === 'svg') return new TextEncoder().encode(await wasmSvg(dot));
  throw new Error(
    `${format} needs Graphviz's dot program, which is not on PATH: install Graphviz (the graphviz package), or use svg or web, which work without it`,
  );
}

/** dot's output, or null when there is no dot program to run. */
function runDot(dot: string, format: ImageFormat, env: NodeJS.ProcessEnv): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('dot', [`-T${format}`], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? resolve(null) : reject(new Error(`failed to execute dot: ${e.message}`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(new Uint8Array(Buffer.concat(out)));
      const said = Buffer.concat(err).toString('utf8').trim().split('\n')[0];
      reject(new Error(`failed to execute dot: ${signal ? `killed by ${signal}` : `exit status ${code}`}${said ? `: ${said}` : ''}`));
    });
    // dot may stop reading (a bad input): its exit status says why, not the broken pipe.
    child.stdin.on('error', () => {});
    child.stdin.end(dot);
  });
}

/** The part of @viz-js/viz heapcli uses. */
interface VizModule {
  instance(): Promise<{ renderString(dot: string, options: { format: string; engine: string }): string }>;
}

let viz: ReturnType<VizModule['instance']> | null = null;

/**
 * The SVG Graphviz's WebAssembly build draws. The package (1.2 MB of JavaScript with the
 * WebAssembly inside) is loaded at the first graph drawn without dot, from node_modules at run
 * time (it is a dependency, not bundled), so start-up and text reports never pay for it.
 */
async function wasmSvg(dot: string): Promise<string> {
  viz ??= (createRequire(import.meta.url)('@viz-js/viz') as VizModule).instance();
  const instance = await viz;
  try {
    return instance.renderString(dot, { format: 'svg', engine: 'dot' });
  } catch (e) {
    throw new Error(`Graphviz (WebAssembly) could not draw the graph: ${(e as Error).message.split('\n')[0]}`);
  }
}
