import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // The Electron binary cannot be downloaded on CI machines: tests get a small fake.
    alias: { electron: fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    // A 2-core CI machine running two browser suites at once answers slower than a laptop: a
    // polled assertion waits up to 5 s (not Vitest's 1 s) before it counts as failed.
    expect: { poll: { timeout: 5000 } },
  },
});
