/** Minimal server-rendered pages for the protocol endpoints (no Next.js, no script). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const FRAME_HEADERS = {
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

/** An error page for requests that can not be sent back to the application (RFC 6749 §4.1.2.1). */
export function errorPage(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Authorization error</title>
<style>body{font:14px -apple-system,BlinkMacSystemFont,"Segoe UI",Arial,sans-serif;background:#f5f5f6;color:#1f2329;margin:0}
main{max-width:520px;margin:12vh auto;background:#fff;padding:32px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.1)}
h1{font-size:18px;margin:0 0 12px}code{background:#f0f0f0;padding:1px 4px;border-radius:2px}a{color:#0064c8}</style></head>
<body><main><h1>The application's sign-in request can not be completed</h1>
<p>${escapeHtml(description)}</p><p>Error: <code>${escapeHtml(error)}</code></p>
<p>Contact the application's provider if this keeps happening. <a href="/">Go to the RAM console</a></p></main></body></html>`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", ...FRAME_HEADERS, ...headers } });
}

export function redirect(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { location, ...FRAME_HEADERS } });
}
