/**
 * The first look at every request, before any handler: a request line that no handler could
 * answer sensibly is refused here with a 4xx and a plain reason, so the handlers below only
 * ever see a decodable, bounded path. Pure: it reads the method and URL and decides.
 */

/** Longest path accepted (characters, still percent-encoded). */
export const MAX_PATH_LENGTH = 2048;
/** Longest query string accepted; the data API's own limit is the same. */
export const MAX_QUERY_LENGTH = 8192;

export interface Refusal {
  status: 400 | 405 | 414;
  message: string;
  /** Set on a 405: the methods the route does answer. */
  allow?: string;
}

export interface GuardedRequest {
  /** The decoded path (percent-decoding done once, here). */
  path: string;
  /** The raw query string without the "?" ("" when absent). */
  query: string;
}

// C0 controls, DEL and C1 controls: never part of a path any route serves.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Methods per route family: tRPC takes POST for batched calls, the data API answers CORS preflights. */
function allowedMethods(path: string): readonly string[] {
  if (path.startsWith("/api/trpc/")) return ["GET", "HEAD", "POST"];
  // Storing a frozen link's rows is the data API's one write.
  if (path === "/api/v1/snapshots") return ["POST", "OPTIONS"];
  if (path === "/api/v1" || path.startsWith("/api/v1/")) return ["GET", "HEAD", "OPTIONS"];
  return ["GET", "HEAD"];
}

export function guardRequest(method: string | undefined, url: string | undefined): GuardedRequest | Refusal {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  const query = q === -1 ? "" : raw.slice(q + 1);
  if (rawPath.length > MAX_PATH_LENGTH)
    return { status: 414, message: `path longer than ${MAX_PATH_LENGTH} characters` };
  if (query.length > MAX_QUERY_LENGTH)
    return { status: 414, message: `query string longer than ${MAX_QUERY_LENGTH} characters` };
  // An absolute-form target ("http://host/x") or an asterisk is legal HTTP but not a path we serve.
  if (!rawPath.startsWith("/")) return { status: 400, message: "the request target must be a path starting with /" };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, message: "malformed percent-encoding in the path" };
  }
  if (CONTROL.test(path)) return { status: 400, message: "control characters in the path" };
  if (path.split(/[/\\]/).some((segment) => segment === ".." || segment === "."))
    return { status: 400, message: "dot segments ('.' or '..') in the path" };
  if (path.includes("\\")) return { status: 400, message: "backslash in the path" };
  const allowed = allowedMethods(path);
  if (!allowed.includes((method ?? "").toUpperCase()))
    return { status: 405, message: `method ${method ?? "(none)"} not allowed here`, allow: allowed.join(", ") };
  return { path, query };
}

export function isRefusal(value: GuardedRequest | Refusal): value is Refusal {
  return "status" in value;
}
