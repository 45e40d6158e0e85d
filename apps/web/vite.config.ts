import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { precompress } from "./precompress.js";

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: { "/api": "http://localhost:3000" } },
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 800 },
  test: { environment: "jsdom", testTimeout: 60_000 },
});
