import { spawnSync } from 'node:child_process';
import { BIN } from '../e2e/serve';

/** Runs the built `storybank` bin with Node 22 and returns its exit code and output. */
export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
