/**
 * Characters a profile's text may carry that a terminal would obey instead of showing: C0 controls
 * but tab and newline (ESC starts cursor moves, colours, title changes; CR and backspace overwrite
 * text), DEL, C1 controls, and the bidi overrides and isolates that reorder what follows them.
 */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const HAS_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** How one control character is shown: caret notation for C0 and DEL (`^[`, `^M`, `^?`), else `<U+202E>`. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Text for the terminal console with its control characters made visible, so that a profile's
 * function names, file names, labels or comments cannot move the cursor, retitle the window or
 * hide text. One-shot and piped output stay byte for byte what pprof prints.
 */
export function showControls(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROLS, visible) : text;
}
