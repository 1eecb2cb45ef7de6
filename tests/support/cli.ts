import { spawn, spawnSync } from 'node:child_process';
import { BIN } from '../e2e/serve';

/** Runs the built `storybank` bin with Node 22 and returns its exit code and output. */
export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return runCliWithEnv({}, ...args);
}

/** The same, with variables added to the environment (a machine's XDG_CONFIG_HOME, a password). */
export function runCliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same without blocking this process (when the test itself serves something the CLI talks to). */
export function runCliAsync(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}
