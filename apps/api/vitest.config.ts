import { defineConfig } from "vitest/config";

// One sample warehouse FILE is built once per run (global setup) and opened read-only by every test file.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["src/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
