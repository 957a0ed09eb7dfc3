import { defineConfig } from 'vitest/config';

// End-to-end flows in real Chromium against the built platform; one file at a time (2 cores).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['e2e/src/global-setup.ts'],
  },
});
