import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  main: {
    build: {
      // Pure-JS dependencies are bundled (the CLI starts ~2x faster than resolving hundreds of
      // files in node_modules). External: native better-sqlite3, and twitter-text, whose require of
      // Node's deprecated punycode warns on every run unless it comes from node_modules.
      externalizeDeps: { exclude: ['zod', 'date-fns', '@date-fns/tz', 'rrule', 'csv-parse', 'csv-stringify', 'ical-generator', 'commander', 'sirv', 'image-size'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          'heavy-worker': resolve(__dirname, 'src/main/workers/heavy-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/electron/preload.ts') },
        // A sandboxed preload must be one CommonJS bundle.
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
      // electron-vite leaves the renderer unminified; a fresh page then parses ~2.5x the bytes.
      minify: true,
      chunkSizeWarningLimit: 2000,
    },
    // .br and .gz beside each asset: the browser host (sirv) serves them precompressed
    plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  },
});
