import { defineConfig } from '@playwright/test';

// Drives the built app (out/) in real Electron. Needs the Electron binary (plain `npm install`) and a
// display: on a headless Linux machine run it as `xvfb-run -a npm run test:electron`.
export default defineConfig({
  // The tests' own config: the root tsconfig.json references tsconfig.shared.json, whose Node-free
  // papaparse stand-in must not reach code that really runs.
  tsconfig: '../../tsconfig.tests.json',
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  retries: 0,
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
