import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Post } from '../../src/shared/domain/schemas';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';

const dir = tempDir();
const db = path.join(dir, 'bank.sqlite');
beforeAll(() => {
  expect(runCli('init', '--demo', '--db', db).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('storybank channels list and --channel by name or network', () => {
  it('lists the channels with ids, networks and slots', () => {
    const human = runCli('channels', 'list', '--db', db);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Riverside on LinkedIn +LinkedIn +[0-9a-f-]{36}/);
    const json = JSON.parse(runCli('channels', 'list', '--db', db, '--json').stdout) as Channel[];
    expect(json.length).toBeGreaterThanOrEqual(4);
  });

  it('--channel takes an id, a name (any case) or a unique network', () => {
    const channels = JSON.parse(runCli('channels', 'list', '--db', db, '--json').stdout) as Channel[];
    const linkedin = channels.find((c) => c.network === 'linkedin')!;
    const by = (value: string) => JSON.parse(runCli('posts', 'list', '--db', db, '--json', '--channel', value).stdout) as Post[];
    const byId = by(linkedin.id);
    expect(byId.length).toBeGreaterThan(0);
    expect(by(linkedin.name.toUpperCase())).toEqual(byId);
    expect(by('linkedin')).toEqual(byId);
    const mix = runCli('mix', '--from', '2026-01-01', '--to', '2026-01-31', '--channel', 'linkedin', '--db', db, '--json');
    expect(mix.code).toBe(0);
  });

  it('an unknown channel is refused, listing the channels', () => {
    const result = runCli('posts', 'list', '--db', db, '--channel', 'tiktok');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--channel: no channel "tiktok" in .*Channels: .*Riverside on LinkedIn \(linkedin, /);
  });
});
