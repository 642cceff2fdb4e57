import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // 2 cores: the KDF is deliberately memory- and CPU-hard, so keep the pool small.
    maxWorkers: 2,
  },
});
