/**
 * The real server for a benchmark, started as `npm start` runs it (scripts/start.mjs builds the
 * web app if stale) on a free loopback port, in its own process group so a server that ignores
 * SIGTERM can be killed with the process it started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, ms, ROOT } from "./common.js";

const STOP_GRACE_MS = 10_000;
const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));

export interface Server {
  base: string;
  /** Lines the server wrote to stderr about failed requests. */
  requestFailures: string[];
  /** Set once the server has exited (before the bench stops it, that is a crash). */
  exited: { code: number | null; signal: string | null } | null;
  /** How the server went when stopped, e.g. "exit 0 120 ms after SIGTERM". */
  stopped: string | null;
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(
  warehouse: string,
  uncached: boolean,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Server> {
  // LENS_BENCH_PORT pins the port (a shared machine where each person has one); otherwise any free one.
  const port = process.env.LENS_BENCH_PORT ? Number(process.env.LENS_BENCH_PORT) : await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    LENS_WAREHOUSE: warehouse,
    ...(uncached ? { LENS_QUERY_CACHE_ENTRIES: "0" } : {}),
    ...extraEnv,
  };
  // Its own process group, so a server that ignores SIGTERM can be killed with the process it started.
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const killGroup = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group has already gone.
    }
  };
  process.once("SIGINT", () => {
    killGroup();
    process.exit(130);
  });
  const waiters: { pattern: RegExp; done: () => void }[] = [];
  const server: Server = {
    base: `http://127.0.0.1:${port}`,
    requestFailures: [],
    exited: null,
    waitForLine: (pattern, timeoutMs) =>
      new Promise((resolvePromise, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`server did not print ${pattern} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          done: () => {
            clearTimeout(timer);
            resolvePromise();
          },
        });
      }),
    stopped: null,
    stop: async () => {
      if (server.exited) return;
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const started = performance.now();
      const forced = await Promise.race([gone.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
      killGroup(); // whatever of the group is left (the API process under start.mjs)
      await gone;
      // The group's processes may still hold the pipes open; they are not needed any more.
      child.stdout?.destroy();
      child.stderr?.destroy();
      const { code, signal } = server.exited ?? { code: null, signal: null };
      server.stopped = forced
        ? `still running ${STOP_GRACE_MS / 1000} s after SIGTERM; killed`
        : `${signal ? `ended by ${signal}` : `exit ${code}`} ${ms(performance.now() - started)} ms after SIGTERM`;
    },
  };
  const onLine = (line: string) => {
    for (const w of [...waiters])
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done();
      }
  };
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) onLine(line);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    for (const line of text.split("\n")) if (line.startsWith("Request failed:")) server.requestFailures.push(line);
    process.stderr.write(text);
  });
  child.on("exit", (code, signal) => {
    server.exited = { code, signal };
  });

  const deadline = Date.now() + 180_000; // a first run builds the web app
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`the server exited during start-up (${JSON.stringify(server.exited)})`);
    const status = await fetch(`${server.base}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return server;
    await sleep(500);
  }
  await server.stop();
  throw new Error("the server did not answer /api/health within 180 s");
}
