import type { Outcome, Result, Session } from "./sessions";

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const json = (value: unknown) => `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;

const css = `
body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#1f2329;background:#f5f6f8}
header{background:#1a3d6d;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
header b{font-size:16px} header span{opacity:.8;font-size:12px}
main{max-width:920px;margin:24px auto;padding:0 16px}
section{background:#fff;border:1px solid #e3e5e8;border-radius:4px;padding:16px 20px;margin-bottom:16px}
h1{font-size:20px;margin:0 0 8px} h2{font-size:15px;margin:0 0 8px}
pre{background:#f7f8fa;border:1px solid #eceef1;padding:10px;overflow:auto;font-size:12px;margin:0}
label{display:block;margin-bottom:4px;color:#555}
input[type=text]{width:100%;box-sizing:border-box;height:32px;padding:0 8px;border:1px solid #c9cdd4;border-radius:3px;margin-bottom:12px}
button{height:32px;padding:0 16px;border-radius:3px;border:1px solid #c9cdd4;background:#fff;cursor:pointer;font:inherit}
button.primary{background:#ff6a00;border-color:#ff6a00;color:#fff;font-weight:600}
.actions{display:flex;gap:8px;flex-wrap:wrap} .actions form{margin:0}
.alert{border-color:#f3c2c2;background:#fff4f4} .ok{color:#1e7d32} .bad{color:#c62828}
code{background:#f0f1f4;padding:1px 4px;border-radius:3px} dl{display:grid;grid-template-columns:12rem 1fr;gap:4px 12px;margin:0} dt{color:#666}
`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${css}</style></head><body>
<header><b>Insight Dashboard</b><span>A demo third-party application of ISV Inc.</span></header>
<main>${body}</main></body></html>`;
}

function signInForm(scope: string, again: boolean): string {
  return `<section aria-labelledby="signin-title">
<h2 id="signin-title">${again ? "Sign in again" : "Sign in"}</h2>
<form method="post" action="/login">
<label for="scope">Requested scope</label>
<input type="text" id="scope" name="scope" value="${esc(scope)}" maxlength="512">
<button type="submit" class="primary">Sign in with RAM console</button>
</form></section>`;
}

function outcome(o: Outcome): string {
  const status =
    o.status === undefined ? "" : `<p>HTTP status: <b data-testid="result-status">${esc(o.status)}</b></p>`;
  if (o.ok) return `<p class="ok">Succeeded.</p>${status}${json(o.body)}`;
  return `<p class="bad">Failed. Error: <code data-testid="result-error">${esc(o.error)}</code></p>${status}<p>${esc(o.description)}</p>${o.body === undefined ? "" : json(o.body)}`;
}

function resultSection(r: Result): string {
  return `<section aria-labelledby="result-title"><h2 id="result-title">Result: ${esc(r.action)}</h2>${outcome(r.outcome)}</section>`;
}

function expiry(expiresAt: number | undefined): string {
  if (expiresAt === undefined) return "Not stated by the server";
  const left = Math.round((expiresAt - Date.now()) / 1000);
  return `${esc(new Date(expiresAt).toISOString())} (${left > 0 ? `in ${left} s` : "expired"})`;
}

export function homePage(session: Session | undefined, defaultScope: string): string {
  const parts: string[] = [];
  const n = session?.notice;
  if (n) {
    parts.push(`<section class="alert" role="alert" aria-labelledby="notice-title"><h2 id="notice-title">Sign-in did not complete</h2>
<p>${esc(n.message)}</p><p>Error code: <code data-testid="error-code">${esc(n.error)}</code></p>${n.description ? `<p>${esc(n.description)}</p>` : ""}</section>`);
  }
  const t = session?.tokens;
  if (!t) {
    parts.push(
      `<section><h1>Insight Dashboard</h1><p>Dashboards of your cloud usage. Sign in with your Alibaba Cloud account or RAM user; the first time, an administrator of your account authorizes this application.</p></section>`,
    );
    parts.push(signInForm(session?.requestedScope ?? defaultScope, false));
    return layout("Insight Dashboard", parts.join("\n"));
  }
  const who = session.claims?.name ?? session.claims?.login_name ?? session.claims?.sub;
  const scope = t.scope ?? session.requestedScope ?? "";
  parts.push(`<section><h1>Signed in</h1><p>Signed in as <b>${esc(who)}</b>.</p><dl>
<dt>Access token expires</dt><dd data-testid="access-token-expiry">${expiry(t.expiresAt)}</dd>
<dt>Refresh token</dt><dd>${t.refreshToken ? "Issued" : "None"}</dd></dl></section>`);
  parts.push(`<section aria-labelledby="scope-title"><h2 id="scope-title">Granted scope</h2>
<p><code data-testid="granted-scope">${esc(scope)}</code>${t.scope === undefined ? " (not in the token response, so the requested scope: RFC 6749 §5.1)" : ""}</p><ul>${scope
    .split(" ")
    .filter(Boolean)
    .map((s) => `<li><code>${esc(s)}</code></li>`)
    .join("")}</ul></section>`);
  parts.push(`<section aria-labelledby="actions-title"><h2 id="actions-title">Actions</h2><div class="actions">
<form method="post" action="/refresh"><button type="submit">Refresh tokens</button></form>
<form method="post" action="/userinfo"><button type="submit">Fetch userinfo</button></form>
<form method="post" action="/call-api"><button type="submit">Call the console API</button></form>
<form method="post" action="/introspect"><button type="submit">Introspect</button></form>
<form method="post" action="/signout"><button type="submit">Sign out</button></form></div></section>`);
  if (session.result) parts.push(resultSection(session.result));
  parts.push(
    `<section aria-labelledby="claims-title"><h2 id="claims-title">ID token claims</h2>${json(session.claims ?? {})}</section>`,
  );
  parts.push(
    `<section aria-labelledby="userinfo-title"><h2 id="userinfo-title">Userinfo</h2>${session.userinfo ? outcome(session.userinfo) : "<p>Not fetched.</p>"}</section>`,
  );
  parts.push(signInForm(session.requestedScope ?? defaultScope, true));
  return layout("Insight Dashboard — signed in", parts.join("\n"));
}

export function notFoundPage(): string {
  return layout("Not found", `<section><h1>Not found</h1><p><a href="/">Back to the home page</a></p></section>`);
}
