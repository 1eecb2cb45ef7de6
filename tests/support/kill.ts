// Starts a bundled child script (see bundle.ts), SIGKILLs it `afterMs` after it prints "ready",
// and returns the lines it printed before the kill (a line cut by the kill was not fully reported).
import { spawn } from 'node:child_process';
import { bundleScript } from './bundle';

export function runAndKill(script: string, args: readonly string[], afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundleScript(script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`${args.join(' ')} stopped by itself: ${err}`));
      resolve(out.split('\n').slice(0, -1).filter((l) => l !== 'ready'));
    });
  });
}
