/** Entry point for `npm run data:fetch`; all behaviour lives in run-fetch.ts. */
import { runFetchCli } from "./run-fetch.js";

const code = await runFetchCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
