import { spawn } from 'node:child_process';

/**
 * The commands tried to open a URL, in pprof's order: $BROWSER (a command and its arguments,
 * split at spaces), then the platform's own opener (with a display on Linux, the common browsers
 * first), xdg-open last.
 */
export function browserCommands(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const commands: string[] = [];
  if (env.BROWSER) commands.push(env.BROWSER);
  if (platform === 'darwin') commands.push('/usr/bin/open');
  else if (platform === 'win32') commands.push('cmd /c start');
  else {
    if (env.DISPLAY) commands.push('chrome', 'google-chrome', 'chromium', 'firefox');
    commands.push('sensible-browser');
  }
  commands.push('xdg-open');
  return commands;
}

/** The lines printed when no browser could be started (pprof's words). */
export const NO_BROWSER = "Couldn't find a suitable web browser!\nSet the BROWSER environment variable to your desired browser.\n";

/**
 * Starts the first of `commands` that exists with `url` as its last argument, detached (the
 * browser outlives nothing of ours). Resolves to true when one started.
 */
export async function openBrowser(url: string, commands: readonly string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  for (const command of commands) {
    const [file, ...args] = command.split(' ').filter((part) => part !== '');
    if (file === undefined) continue;
    const started = await new Promise<boolean>((resolve) => {
      const child = spawn(file, [...args, url], { detached: true, stdio: 'ignore', env });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    });
    if (started) return true;
  }
  return false;
}
