import { defineConfig } from "vitest/config";

// Real-data and DuckDB tests share two cores with the rest of the turbo run: time is not asserted here.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000 },
});
