import { defineConfig } from "vitest/config";

// Pure builders from API rows to chart specs: no DOM, no warehouse, so plain node.
export default defineConfig({ test: { include: ["src/**/*.test.ts"] } });
