/**
 * The graph outputs beyond DOT text: images drawn by Graphviz (svg, png, gif, pdf, ps), and the
 * commands that show a graph or a page in a program (web, eog, evince, gv, weblist). Drawing and
 * showing go through the session's GraphicsPort; the commands only say what to draw and where.
 */
import { panZoomSvg } from '../format/svg.js';
import { escapeHtml, listPage } from '../format/weblist.js';
import type { ImageFormat, Viewers } from './graphics.js';
import { dotReport } from './report-graph.js';
import { runList } from './report-list.js';
import type { CommandArgs, CommandContext, CommandResult } from './command-types.js';

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** The graph drawn in `format`; an SVG made pannable as pprof makes it. */
function drawn(ctx: CommandContext, format: ImageFormat, panZoom: boolean): { bytes: Promise<Uint8Array>; warnings: string } {
  const { dot, warnings } = dotReport(ctx);
  const image = ctx.graphics.render(dot, format);
  const bytes = panZoom ? image.then((b) => utf8.encode(panZoomSvg(fromUtf8.decode(b)))) : image;
  // Whoever reads the bytes sees a failure; one never read (a result dropped) must not end the process.
  bytes.catch(() => {});
  return { bytes, warnings };
}

/** `svg`: the graph as an SVG file with pprof's pan-and-zoom script (Graphviz's dot, or its WebAssembly build without it). */
export function runSvg(ctx: CommandContext): CommandResult {
  const { bytes, warnings } = drawn(ctx, 'svg', true);
  return { out: '', err: warnings, binary: { ext: 'svg', bytes } };
}

/** `png`, `gif`, `pdf`, `ps`: the graph drawn by Graphviz's dot program. */
export function imageCommand(format: Exclude<ImageFormat, 'svg'>): (ctx: CommandContext) => CommandResult {
  return (ctx) => {
    const { bytes, warnings } = drawn(ctx, format, false);
    return { out: '', err: warnings, binary: { ext: format, bytes } };
  };
}

/** `web`: the SVG in a web browser. */
export function runWeb(ctx: CommandContext): CommandResult {
  const { bytes, warnings } = drawn(ctx, 'svg', true);
  return { out: '', err: warnings, action: ctx.graphics.view(bytes, 'svg', 'browsers', !ctx.interactive) };
}

/** `eog`, `evince`, `gv`: the graph drawn in the format the viewer reads, opened with it (pprof's choices). */
export function viewerCommand(format: 'svg' | 'pdf' | 'ps', viewer: string): (ctx: CommandContext) => CommandResult {
  const viewers: Viewers = [viewer];
  return (ctx) => {
    const { bytes, warnings } = drawn(ctx, format, false);
    return { out: '', err: warnings, action: ctx.graphics.view(bytes, format, viewers, !ctx.interactive) };
  };
}

/**
 * `weblist regex`: `list`'s annotated source as a web page in the browser. Source only: pprof's
 * page also shows each line's assembly, read from the binary, which heapcli never opens.
 */
export function runWeblist(ctx: CommandContext, args: CommandArgs): CommandResult {
  const list = runList(ctx, args);
  const page = utf8.encode(listPage(list.out, `heapcli weblist ${escapeHtml(args.argument ?? '')}`));
  return { out: '', err: list.err, action: ctx.graphics.view(Promise.resolve(page), 'html', 'browsers', !ctx.interactive) };
}

/** `disasm`: not possible without the binary. */
export function runDisasm(): CommandResult {
  return { out: '', err: "disasm needs the program's binary, which heapcli does not read; list shows annotated source\n", failed: true };
}
