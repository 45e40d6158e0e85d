/**
 * Citable links: a frozen permalink stores the chart's rows and metadata when it is made, so
 * `/s/<id>` keeps showing the numbers it cited after later builds. One JSON file per
 * snapshot in a `snapshots/` folder beside the warehouse; the id is derived from the content
 * (the same chart of the same build gives the same id, so repeated clicks store one file).
 *
 * What is stored is checked here (shape, sizes, and that it names the build being served, so
 * a link cannot claim numbers of a build that never served them); rows are the page's own, the
 * server does not recompute them — it vouches for the build and the date, not the arithmetic.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { MetricFormat } from "@lens/core";
import { z } from "zod";

/** The table view's number formats (@lens/core MetricFormat), so the cited table is written as the chart's was. */
const FORMATS = ["integer", "gbp", "months", "days", "percent", "decimal"] as const satisfies readonly MetricFormat[];

/** Largest request body accepted, and most snapshots kept (then new ones are refused, old ones still served). */
export const MAX_SNAPSHOT_BYTES = 512 * 1024;
export const MAX_SNAPSHOTS = 20_000;
export const MAX_SNAPSHOT_ROWS = 5_000;

export const SNAPSHOT_ID = /^[A-Za-z0-9_-]{10}$/;

const cell = z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]);
const text = (max: number) => z.string().trim().min(1).max(max);

/** What the web POSTs when a frozen link is made. */
export const snapshotInput = z
  .object({
    title: text(300),
    description: z.string().max(2_000).default(""),
    /** The page and state the chart was on: a path with its query, on this site. */
    page: z
      .string()
      .max(4_000)
      .regex(/^\/(?!\/)[^\s]*$/, "a path on this site starting with /"),
    chartId: text(200),
    columns: z
      // `format` says how the table view writes a column's numbers (a MetricFormat of @lens/core).
      .array(z.object({ key: text(200), label: text(300), format: z.enum(FORMATS).optional() }))
      .min(1)
      .max(60),
    rows: z.array(z.record(z.string().max(200), cell)).max(MAX_SNAPSHOT_ROWS),
    filters: z.record(z.string().max(100), z.unknown()).default({}),
    sources: z.array(z.string().max(1_000)).max(50).default([]),
    notes: z.array(z.string().max(2_000)).max(50).default([]),
    /** The build the page's numbers came from; must be the build served now. */
    buildId: text(200),
  })
  .strict();
export type SnapshotInput = z.input<typeof snapshotInput>;

export interface Snapshot extends z.output<typeof snapshotInput> {
  id: string;
  createdAt: string;
  builtAt: string | null;
}

export class SnapshotError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class SnapshotStore {
  constructor(readonly folder: string) {}

  static besideWarehouse(warehousePath: string): SnapshotStore {
    return new SnapshotStore(join(dirname(warehousePath), "snapshots"));
  }

  /** Validates and stores; answers the snapshot (an existing one when the same content was stored before). */
  async create(body: unknown, build: { buildId: string; builtAt: string | null }): Promise<Snapshot> {
    const parsed = snapshotInput.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SnapshotError(400, `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    const input = parsed.data;
    if (input.buildId !== build.buildId)
      throw new SnapshotError(
        409,
        `the page's numbers are from build ${input.buildId}, but this server now serves ${build.buildId}: reload the page and make the link again`,
      );
    const content = JSON.stringify(input);
    const id = createHash("sha256").update(content).digest("base64url").slice(0, 10);
    const existing = await this.get(id);
    if (existing) return existing;
    await mkdir(this.folder, { recursive: true });
    if ((await readdir(this.folder)).length >= MAX_SNAPSHOTS)
      throw new SnapshotError(507, "the snapshot store is full; existing links still work");
    const snapshot: Snapshot = { id, ...input, createdAt: new Date().toISOString(), builtAt: build.builtAt };
    const file = join(this.folder, `${id}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(snapshot));
    await rename(tmp, file);
    return snapshot;
  }

  async get(id: string): Promise<Snapshot | null> {
    if (!SNAPSHOT_ID.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.folder, `${id}.json`), "utf8")) as Snapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}

/** Reads a request body up to `limit` bytes; longer is a 413. */
export async function readBody(req: AsyncIterable<Buffer | string>, limit = MAX_SNAPSHOT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > limit) throw new SnapshotError(413, `the snapshot is larger than ${limit} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}
