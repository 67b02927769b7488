import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect, useState } from 'react';
import type { ConsoleView } from '../console-controller.js';
import { type ScreenSize, candidateRowLimit, candidateRows, promptRows } from './live-layout.js';

/** How long a command runs before the spinner shows. */
export const SPINNER_DELAY_MS = 200;

/** What the live area is drawn from. */
export interface LiveAreaProps {
  readonly view: ConsoleView;
  readonly size: ScreenSize;
  /** Beside the spinner while the profile loads. */
  readonly loading: string;
}

/**
 * The live part of the console: the prompt with the line being typed and the completion list, or
 * a spinner while the profile loads or a command runs. Nothing else: reports are written to the
 * terminal directly and never pass through here.
 */
export function LiveArea({ view, size, loading }: LiveAreaProps) {
  const spinning = useDelayed(view.phase === 'running' ? view.busy : null, SPINNER_DELAY_MS);
  if (view.phase === 'loading') return <Working label={loading} />;
  if (view.phase === 'running') return spinning === null ? null : <Working label={`${spinning}   (Ctrl-C stops it)`} />;
  if (view.phase !== 'editing') return null;
  const prompt = promptRows(view.line, size);
  const list = candidateRows(view.candidates, size, candidateRowLimit(prompt.length, size));
  return (
    <Box flexDirection="column">
      {[...prompt, ...list].map((row, i) => (
        <Text key={i}>{row}</Text>
      ))}
    </Box>
  );
}

function Working({ label }: { readonly label: string }) {
  return (
    <Text wrap="truncate-end">
      <Spinner type="dots" /> {label}
    </Text>
  );
}

/** `value` once it has stayed the same for `delayMs`; null before, and as soon as it is null. */
function useDelayed<T>(value: T | null, delayMs: number): T | null {
  const [shown, setShown] = useState<T | null>(null);
  useEffect(() => {
    setShown(null);
    if (value === null) return;
    const timer = setTimeout(() => setShown(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return value === null ? null : shown;
}
