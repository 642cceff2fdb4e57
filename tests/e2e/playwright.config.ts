import { defineConfig } from '@playwright/test';

// Debian's chromium, never a downloaded browser: `npx playwright install` is not part of this project.
const executablePath = process.env.MENTOR_DESK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  // The tests' own config: the root tsconfig.json references tsconfig.shared.json, whose Node-free
  // papaparse stand-in must not reach code that really runs.
  tsconfig: '../../tsconfig.tests.json',
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // 2 cores, and each test runs a real backend whose key derivation is deliberately CPU- and memory-hard.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  outputDir: '../../test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    // Dates and times as a UK mentor sees them, whatever the machine's settings.
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
