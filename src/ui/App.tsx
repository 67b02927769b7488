import { Box, Static, Text, useApp } from 'ink';
import Spinner from 'ink-spinner';
import { useEffect, useRef, useState } from 'react';
import { ConsoleController } from './console-controller.js';
import type { History } from './history.js';
import { Prompt } from './Prompt.js';
import type { ConsoleInfo, SessionRunner } from './runner.js';
import { useRawKeys } from './use-raw-keys.js';

/** How long a command runs before the spinner shows. */
export const SPINNER_DELAY_MS = 200;

/** The console's props: how to start the session, and what the console reads and writes. */
export interface AppProps {
  readonly start: () => Promise<{ runner: SessionRunner; info: ConsoleInfo }>;
  readonly history: History;
  /** Errors in red (a colour terminal without NO_COLOR). */
  readonly color: boolean;
  /** Shown beside the spinner while the profile loads. */
  readonly loading: string;
  readonly writeFile: (path: string, text: string) => string | null;
  readonly listPaths: (partial: string) => string[];
  /** Called once with the exit status: 0 on quit, 1 when the profile failed to load, 130 on Ctrl-C while loading. */
  readonly onDone: (status: number) => void;
}

/** The root of the Ink console: it owns the console state; children take plain props. */
export function App(props: AppProps) {
  const { exit } = useApp();
  const [, rerender] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [spinning, setSpinning] = useState(false);
  const controller = useRef<ConsoleController | null>(null);
  // Leaving goes through state, so the last frame (a failure, the echoed `quit`) is drawn first.
  const [exitStatus, finish] = useState<number | null>(null);
  useEffect(() => {
    if (exitStatus === null) return;
    props.onDone(exitStatus);
    exit();
  }, [exitStatus]);

  useEffect(() => {
    props.start().then(
      ({ runner, info }) => {
        controller.current = new ConsoleController({
          runner, info, history: props.history, writeFile: props.writeFile, listPaths: props.listPaths,
          onChange: () => rerender((n) => n + 1),
          onExit: () => finish(0),
        });
        rerender((n) => n + 1);
      },
      (err: Error) => {
        setFailure(err.message);
        finish(1);
      },
    );
  }, []);

  useRawKeys((keys) => {
    if (controller.current) controller.current.press(keys);
    else if (keys.some((k) => k.name === 'interrupt' || k.name === 'eof')) finish(130);
  });

  const c = controller.current;
  const busy = c?.busy ?? null;
  useEffect(() => {
    setSpinning(false);
    if (busy === null) return;
    const timer = setTimeout(() => setSpinning(true), SPINNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [busy]);

  return (
    <Box flexDirection="column">
      {/* A fresh array each render: Static tracks what it printed by the array it is given. */}
      <Static items={c ? [...c.items] : []}>
        {(item) => (
          <Text key={item.id} color={item.tone === 'error' && props.color ? 'red' : undefined}>
            {item.text}
          </Text>
        )}
      </Static>
      {failure !== null ? <Text color={props.color ? 'red' : undefined}>{failure}</Text> : null}
      {failure === null && !c ? <Working label={props.loading} /> : null}
      {c && busy !== null && spinning ? <Working label={`${busy}   (Ctrl-C stops it)`} /> : null}
      {c && busy === null && !c.finished ? <Prompt line={c.line} /> : null}
      {c && c.candidates.length > 0 ? <Text>{c.candidates.join('  ')}</Text> : null}
    </Box>
  );
}

function Working({ label }: { readonly label: string }) {
  return (
    <Text>
      <Spinner type="dots" /> {label}
    </Text>
  );
}
