#!/usr/bin/env node
/** `npm run dev`: the API (restarting on change) and Vite's dev server with hot reload; /api is proxied. */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const children = [
  spawn(bin("tsx"), ["watch", "apps/api/src/main.ts"], { cwd: root, stdio: "inherit" }),
  spawn(bin("vite"), [], { cwd: join(root, "apps/web"), stdio: "inherit" }),
];
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
    process.exit(0);
  });
