/**
 * `--base-url` points every request at a mirror or a local test server: the official origin is
 * replaced, the path and query are kept. A path on the base URL is kept as a prefix, so a mirror
 * at `https://mirror.example/lens` works too.
 */
export type Rebase = (url: string) => string;

export function createRebase(baseUrl: string | null | undefined): Rebase {
  if (!baseUrl) return (url) => url;
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  return (url) => {
    const target = new URL(url, base);
    // A `links.next` the mirror already wrote with its own address is used unchanged.
    if (target.origin === base.origin && target.pathname.startsWith(`${prefix}/`)) return target.href;
    return `${base.origin}${prefix}${target.pathname}${target.search}`;
  };
}
