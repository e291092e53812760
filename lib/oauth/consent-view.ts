import type { ClientRecord } from "@/lib/apps/clients";
import { escapeHtml as e } from "./html";

/**
 * The consent screen's HTML: plain server-rendered markup and a small stylesheet, no script at all,
 * so it loads fast, works with JavaScript disabled, and can not be scripted by anything injected.
 * Native controls keep it keyboard- and screen-reader-usable: fieldsets with legends, a locked
 * checkbox per required item, a switch (checkbox role="switch") per optional item.
 */
export type Scope = { scope: string; title: string; description: string };
export type AppCardData = { client: ClientRecord; provider: string; who: { label: string; account: string }; redirectHost: string };

const css = `*{box-sizing:border-box}body{margin:0;background:#f3f4f6;color:#111827;font:13px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Helvetica Neue",Arial,sans-serif}
main{display:flex;justify-content:center;padding:48px 12px}.card{width:100%;max-width:576px;background:#fff;border-radius:2px;box-shadow:0 4px 6px -1px rgba(0,0,0,.1)}
.top{display:flex;align-items:center;gap:8px;border-bottom:1px solid #e5e7eb;padding:12px 20px;font-weight:600;color:#374151}.mark{width:20px;height:20px;border-radius:2px;background:#ff6a00}
.body{padding:20px 28px}h1{font-size:18px;margin:0 0 16px}.app{border:1px solid #e5e7eb;border-radius:2px;padding:16px;margin-bottom:20px}
.head{display:flex;align-items:center;gap:12px;margin-bottom:12px}.logo{width:40px;height:40px;border-radius:2px;object-fit:contain}
.initial{display:flex;align-items:center;justify-content:center;width:40px;height:40px;border-radius:2px;background:#2563eb;color:#fff;font-size:18px;font-weight:600}
.name{font-size:15px;font-weight:600}.muted{color:#4b5563}dl{display:grid;grid-template-columns:10rem 1fr;gap:4px 16px;margin:0}dt{color:#6b7280}dd{margin:0;overflow-wrap:anywhere}
.mono{font-family:ui-monospace,Menlo,monospace;font-size:12px}a{color:#0064c8}fieldset{border:0;padding:0;margin:0 0 20px}legend{font-weight:600;padding:0;margin-bottom:4px}
.note{font-size:12px;color:#4b5563;margin:0 0 8px}ul.scopes{list-style:none;margin:0;padding:0;border:1px solid #e5e7eb;border-radius:2px}
ul.scopes li{display:flex;align-items:flex-start;gap:12px;padding:10px 12px}ul.scopes li+li{border-top:1px solid #f3f4f6}ul.scopes label{flex:1}
.title{display:block;font-weight:500}code{font-size:12px;color:#6b7280;margin-left:4px}input[type=checkbox]{width:16px;height:16px;margin:2px 0 0;accent-color:#ff6a00}
input[role=switch]{appearance:none;position:relative;width:36px;height:20px;flex-shrink:0;border-radius:999px;background:#d1d5db;cursor:pointer;margin:1px 0 0;transition:background .15s}
input[role=switch]::before{content:"";position:absolute;top:2px;left:2px;width:16px;height:16px;border-radius:50%;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.3);transition:transform .15s}
input[role=switch]:checked{background:#ff6a00}input[role=switch]:checked::before{transform:translateX(16px)}:focus-visible{outline:2px solid #0064c8;outline-offset:2px}
.notice{border:1px solid #bfdbfe;background:#eff6ff;color:#1e3a8a;border-radius:2px;padding:8px 12px;margin-bottom:20px}.notice.warn{border-color:#fde68a;background:#fffbeb;color:#78350f}
.notice ul{margin:4px 0 0;padding-left:20px}.actions{display:flex;justify-content:flex-end;gap:8px}
button{height:36px;padding:0 20px;border-radius:2px;border:1px solid #d1d5db;background:#fff;font:inherit;cursor:pointer}button:hover{border-color:#0064c8;color:#0064c8}
button.primary{background:#ff6a00;border-color:#ff6a00;color:#fff;font-weight:500;padding:0 24px}button.primary:hover{background:#e85f00;color:#fff}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
@media (max-width:640px){main{padding:24px 10px}.body{padding:20px}dl{grid-template-columns:1fr}dd{margin-bottom:4px}.actions{flex-direction:column-reverse}.actions button{width:100%}}`;

export function consentDocument(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${e(title)} · RAM console</title><style>${css}</style></head>
<body><main><div class="card"><div class="top"><span class="mark" aria-hidden="true"></span>Alibaba Cloud · RAM</div>
<div class="body"><h1>${e(title)}</h1>${body}</div></div></main></body></html>`;
}

export function appCard({ client, provider, who, redirectHost }: AppCardData): string {
  const logo = client.logoUrl
    ? `<img class="logo" src="${e(client.logoUrl)}" alt="" width="40" height="40">`
    : `<span class="initial" aria-hidden="true">${e(client.name.slice(0, 1).toUpperCase())}</span>`;
  const homepage = client.homepageUrl
    ? `<dt>Homepage</dt><dd><a href="${e(client.homepageUrl)}" rel="noopener noreferrer" target="_blank">${e(client.homepageUrl)}</a></dd>`
    : "";
  return `<section class="app" aria-label="Application"><div class="head">${logo}<div><div class="name">${e(client.name)}</div>${
    client.description ? `<div class="muted">${e(client.description)}</div>` : ""
  }</div></div><dl><dt>Provider</dt><dd>${e(provider)}${client.official ? " (official application)" : ""}</dd>
<dt>App ID</dt><dd class="mono">${e(client.clientId)}</dd>${homepage}<dt>Signed in as</dt><dd>${e(who.label)}</dd>
<dt>Account</dt><dd>${e(who.account)}</dd><dt>Redirects to</dt><dd>${e(redirectHost)}</dd></dl></section>`;
}

export function notice(html: string, tone: "info" | "warn" = "info"): string {
  return `<div class="notice${tone === "warn" ? " warn" : ""}">${html}</div>`;
}

const headings = {
  required: { title: "Required scope", note: "The required scope includes data and permissions that the application needs to function. It is selected by default and cannot be deselected. To deny these permissions, reject the authorization request." },
  optional: { title: "Optional scope", note: "The optional scope includes data and permissions that the application requests but does not require. You can grant or deny each of them." },
  personal: { title: "Authorization scope", note: "The application gets this information about you." },
} as const;

/** Required items: checked and locked (sent as hidden fields); optional items: switches, off by default. */
export function scopeList(kind: "required" | "optional" | "personal", items: Scope[]): string {
  const h = headings[kind];
  const rows = items.map((s) => {
    const id = `scope-${s.scope.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
    const control =
      kind === "required"
        ? `<input type="checkbox" checked disabled id="${id}" aria-describedby="${id}-desc"><input type="hidden" name="scope" value="${e(s.scope)}">`
        : kind === "optional"
          ? `<input type="checkbox" role="switch" name="scope" value="${e(s.scope)}" id="${id}" aria-describedby="${id}-desc">`
          : "";
    const text = `<span class="title">${e(s.title)}<code>${e(s.scope)}</code></span><span class="muted" id="${id}-desc">${e(s.description)}</span>`;
    return kind === "personal" ? `<li><div>${text}</div></li>` : `<li>${control}<label for="${id}">${text}</label></li>`;
  });
  return `<fieldset aria-describedby="${kind}-note"><legend>${h.title}</legend><p class="note" id="${kind}-note">${h.note}</p><ul class="scopes">${rows.join("")}</ul></fieldset>`;
}

export function decisionForm(opts: { requestId: string; csrf: string; appName: string; backOnly?: boolean; inner?: string }): string {
  const buttons = opts.backOnly
    ? `<button type="submit" name="decision" value="cancel">Back to ${e(opts.appName)}</button>`
    : `<button type="submit" name="decision" value="cancel">Cancel</button><button type="submit" name="decision" value="grant" class="primary">Grant</button>`;
  return `<form method="post" action="/oauth2/decision"><input type="hidden" name="request_id" value="${e(opts.requestId)}"><input type="hidden" name="csrf_token" value="${e(opts.csrf)}">${opts.inner ?? ""}<div class="actions">${buttons}</div></form>`;
}
