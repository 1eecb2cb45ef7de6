// Electron main entry (built to out/main/index.js). Everything lives in app.ts so tests can drive it.
import { runStorybankApp } from './app';

void runStorybankApp({ argv: process.argv, mainDir: __dirname });
