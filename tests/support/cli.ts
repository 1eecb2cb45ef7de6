import { spawnSync } from 'node:child_process';
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
