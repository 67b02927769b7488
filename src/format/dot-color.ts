/**
 * A node's or edge's colour from its share of the total, -1 to 1: grey near 0, shading to red for
 * positive shares and to green for negative ones (a -base comparison), as pprof colours them.
 * Backgrounds are light (low saturation), foregrounds dark.
 */
export function dotColor(share: number, background: boolean): string {
  // Shares are pushed away from 0 (grey) by a power below 1, so small differences still show.
  const shift = 0.7;
  let saturation = background ? 0.1 : 1.0;
  const value = background ? 0.93 : 0.7;
  let score = Math.max(-1.0, Math.min(1.0, share));
  if (Math.abs(score) < 0.2) saturation *= Math.abs(score) / 0.2;
  if (score > 0.0) score = Math.pow(score, 1.0 - shift);
  if (score < 0.0) score = -Math.pow(-score, 1.0 - shift);
  let red: number, green: number;
  if (score < 0.0) {
    green = value;
    red = value * (1 + saturation * score);
  } else {
    red = value;
    green = value * (1 - saturation * score);
  }
  const blue = value * (1 - saturation);
  return `#${byteHex(red * 255.0)}${byteHex(green * 255.0)}${byteHex(blue * 255.0)}`;
}

/** A float converted to a byte as Go converts it on amd64 (truncated; NaN gives 0), in two hex digits. */
function byteHex(x: number): string {
  return (Math.trunc(x) & 255).toString(16).padStart(2, '0');
}
