import { defineConfig } from "vitest/config";

// Browser tests: one real server on the sample warehouse, one real Chromium, run in sequence.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A page's first answer after navigation can take more than poll's default second on a
    // busy 2-core machine; a value that never arrives still fails, just later.
    expect: { poll: { timeout: 10_000 } },
  },
});
