import { Text } from 'ink';
import type { LineState } from './line-editor.js';
import { PROMPT } from './console-controller.js';

/** The prompt and the line being typed, with the cursor shown as an inverted character. */
export function Prompt({ line }: { readonly line: LineState }) {
  const before = line.text.slice(0, line.cursor);
  const at = line.text[line.cursor] ?? ' ';
  const after = line.text.slice(line.cursor + 1);
  return (
    <Text>
      {PROMPT}
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}
