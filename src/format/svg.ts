import { SVG_PAN_SCRIPT } from './svg-pan-script.js';

const SIZED_SVG = /<svg\s*width="[^"]+"\s*height="[^"]+"\s*viewBox="[^"]+"/;
const FIRST_GRAPH = /<g id="graph\d"/;

/**
 * Graphviz's SVG made pannable and zoomable in a browser, as pprof makes it: the root element
 * fills the window (its fixed size and viewBox go), the pan-and-zoom script comes before the
 * graph, which is wrapped in a `viewport` group drawn at half size. Also mends the `&;` some dot
 * versions leave unescaped.
 */
export function panZoomSvg(svg: string): string {
  let out = svg.replaceAll('&;', '&amp;;');
  const sized = SIZED_SVG.exec(out);
  if (sized) out = out.slice(0, sized.index) + '<svg width="100%" height="100%"' + out.slice(sized.index + sized[0].length);
  const graph = FIRST_GRAPH.exec(out);
  if (graph) {
    out =
      out.slice(0, graph.index) +
      `<script type="text/ecmascript"><![CDATA[${SVG_PAN_SCRIPT}]]></script>` +
      '<g id="viewport" transform="scale(0.5,0.5) translate(0,0)">' +
      out.slice(graph.index);
  }
  const close = out.indexOf('</svg>');
  if (close >= 0) out = out.slice(0, close) + '</g>' + out.slice(close);
  return out;
}
