/** A key press the prompt understands. */
export type Key =
  | { readonly name: 'text'; readonly text: string }
  | {
      readonly name:
        | 'enter'
        | 'backspace'
        | 'delete'
        | 'left'
        | 'right'
        | 'up'
        | 'down'
        | 'home'
        | 'end'
        | 'tab'
        | 'interrupt'
        | 'eof'
        | 'escape'
        | 'kill-before'
        | 'kill-after'
        | 'kill-word'
        | 'clear-screen'
        | 'word-left'
        | 'word-right';
    };

/** Escape sequences of the keys we handle, as terminals send them (xterm, vt, rxvt, tmux). */
const SEQUENCES: Record<string, Key['name']> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[7~': 'home',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;5C': 'word-right',
  '\x1bb': 'word-left',
  '\x1bf': 'word-right',
};

/** Control characters and what they do at the prompt (readline's bindings). */
const CONTROLS: Record<string, Key['name']> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x15': 'kill-before',
  '\x0b': 'kill-after',
  '\x17': 'kill-word',
  '\x0c': 'clear-screen',
};

/**
 * Splits one chunk of raw terminal input into key presses. A paste arrives as one chunk: its
 * printable runs become text keys and its newlines enter keys, so pasted lines run one by one.
 */
export function decodeKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ name: 'text', text });
    text = '';
  };
  for (let i = 0; i < chunk.length;) {
    const sequence = chunk[i] === '\x1b' ? matchSequence(chunk, i) : null;
    if (sequence) {
      flush();
      if (sequence.name) keys.push({ name: sequence.name } as Key);
      i += sequence.length;
      continue;
    }
    const control = CONTROLS[chunk[i]];
    if (control) {
      flush();
      // A CR LF pair is one Enter.
      if (!(chunk[i] === '\n' && chunk[i - 1] === '\r')) keys.push({ name: control } as Key);
    } else if (chunk[i] >= ' ') {
      text += chunk[i];
    }
    i += 1;
  }
  flush();
  return keys;
}

/** The escape sequence at `i`: a known key, or an unknown CSI/SS3 sequence to skip whole. */
function matchSequence(chunk: string, i: number): { name: Key['name'] | null; length: number } {
  for (const [sequence, name] of Object.entries(SEQUENCES)) {
    if (chunk.startsWith(sequence, i)) return { name, length: sequence.length };
  }
  const csi = /^\x1b\[[0-9;?]*[ -/]*[@-~]/.exec(chunk.slice(i));
  if (csi) return { name: null, length: csi[0].length };
  const ss3 = /^\x1bO./.exec(chunk.slice(i));
  if (ss3) return { name: null, length: ss3[0].length };
  // Alt+key, which the prompt ignores; a lone Escape (the flame view leaves on it).
  if (chunk.length > i + 1 && chunk[i + 1] !== '\x1b') return { name: null, length: 2 };
  return { name: 'escape', length: 1 };
}
