/**
 * Headers every response carries. The dashboard refuses to be framed (clickjacking); the
 * chart-only `/embed/…` pages are made to be framed by any site. The policy allows no inline
 * script: the built app loads only its own hashed modules. Inline *styles* are allowed because
 * recharts and React set `style` attributes; exports draw SVG into a canvas via blob/data URLs.
 */

const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export function isEmbedPath(path: string): boolean {
  return path === "/embed" || path.startsWith("/embed/");
}

export function securityHeaders(path: string): Record<string, string> {
  const embed = isEmbedPath(path);
  const headers: Record<string, string> = {
    // No frame-ancestors at all for embeds: `*` would still refuse hosts on file: or about:
    // pages (a campaigner trying the snippet in a local HTML file), and any host is the point.
    "content-security-policy": (embed ? BASE_POLICY : [...BASE_POLICY, "frame-ancestors 'none'"]).join("; "),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
  };
  // X-Frame-Options has no "allow any" value: embeds rely on frame-ancestors alone.
  if (!embed) headers["x-frame-options"] = "DENY";
  return headers;
}
