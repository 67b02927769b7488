import { useStdin } from 'ink';
import { type EventEmitter } from 'node:events';
import { useEffect, useRef } from 'react';
import { type Key, decodeKeys } from './keys.js';

/**
 * Calls `onKeys` with each chunk of terminal input, decoded by our own key table. Ink's useInput
 * reports Backspace and Delete both as `delete`; this listens to the same raw input that
 * useInput is built on (Ink's input event) and tells them apart.
 */
export function useRawKeys(onKeys: (keys: Key[]) => void): void {
  const { setRawMode, internal_eventEmitter: input } = useStdin() as ReturnType<typeof useStdin> & { internal_eventEmitter: EventEmitter };
  const handler = useRef(onKeys);
  handler.current = onKeys;
  useEffect(() => {
    setRawMode(true);
    const listen = (data: string | Buffer) => handler.current(decodeKeys(String(data)));
    input.on('input', listen);
    return () => {
      input.removeListener('input', listen);
      setRawMode(false);
    };
  }, [input, setRawMode]);
}
