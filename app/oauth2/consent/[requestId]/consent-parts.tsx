import type { ClientRecord } from "@/lib/oauth/clients";

type Scope = { scope: string; title: string; description: string };

export function ConsentShell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen justify-center bg-gray-100 px-3 py-6 sm:py-12">
      <div className="w-full max-w-xl self-start rounded-sm bg-white shadow-md">
        <div className="flex items-center gap-2 border-b border-gray-200 px-5 py-3">
          <span aria-hidden className="inline-block h-5 w-5 rounded-sm bg-brand-500" />
          <span className="font-semibold text-gray-700">Alibaba Cloud · RAM</span>
        </div>
        <div className="px-5 py-5 sm:px-7">
          <h1 className="mb-4 text-lg font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}

export function AppCard({ client, provider, who, redirectHost }: { client: ClientRecord; provider: string; who: { label: string; account: string }; redirectHost: string }) {
  return (
    <section aria-label="Application" className="mb-5 rounded-sm border border-gray-200 p-4">
      <div className="mb-3 flex items-center gap-3">
        {client.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a provider's logo from its own host
          <img src={client.logoUrl} alt="" width={40} height={40} className="h-10 w-10 rounded-sm object-contain" />
        ) : (
          <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-sm bg-blue-600 text-lg font-semibold text-white">
            {client.name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div>
          <div className="text-base font-semibold">{client.name}</div>
          {client.description ? <div className="text-gray-600">{client.description}</div> : null}
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-gray-500">Provider</dt>
        <dd>{provider}{client.official ? " (official application)" : ""}</dd>
        <dt className="text-gray-500">App ID</dt>
        <dd className="font-mono text-xs break-all">{client.clientId}</dd>
        {client.homepageUrl ? (
          <>
            <dt className="text-gray-500">Homepage</dt>
            <dd className="break-all">
              <a className="link" href={client.homepageUrl} rel="noopener noreferrer" target="_blank">{client.homepageUrl}</a>
            </dd>
          </>
        ) : null}
        <dt className="text-gray-500">Signed in as</dt>
        <dd className="break-all">{who.label}</dd>
        <dt className="text-gray-500">Account</dt>
        <dd>{who.account}</dd>
        <dt className="text-gray-500">Redirects to</dt>
        <dd className="break-all">{redirectHost}</dd>
      </dl>
    </section>
  );
}

export function Notice({ children, tone = "info" }: { children: React.ReactNode; tone?: "info" | "warning" }) {
  return (
    <div className={`mb-5 rounded-sm border px-3 py-2 ${tone === "warning" ? "border-amber-200 bg-amber-50 text-amber-900" : "border-blue-200 bg-blue-50 text-blue-900"}`}>
      {children}
    </div>
  );
}

const headings = {
  required: { title: "Required scope", note: "The required scope includes data and permissions that the application needs to function. It is selected by default and cannot be deselected. To deny these permissions, reject the authorization request." },
  optional: { title: "Optional scope", note: "The optional scope includes data and permissions that the application requests but does not require. You can grant or deny each of them." },
  personal: { title: "Authorization scope", note: "The application gets this information about you." },
} as const;

/** Required items: checked and locked (sent as hidden fields); optional items: switches, off by default. */
export function ScopeList({ kind, items }: { kind: "required" | "optional" | "personal"; items: Scope[] }) {
  const h = headings[kind];
  return (
    <fieldset className="mb-5" aria-describedby={`${kind}-note`}>
      <legend className="mb-1 font-semibold">{h.title}</legend>
      <p id={`${kind}-note`} className="mb-2 text-xs text-gray-600">{h.note}</p>
      <ul className="divide-y divide-gray-100 rounded-sm border border-gray-200">
        {items.map((s) => (
          <li key={s.scope} className="flex items-start gap-3 px-3 py-2.5">
            {kind === "required" ? (
              <>
                <input type="checkbox" checked disabled readOnly id={`scope-${s.scope}`} aria-describedby={`desc-${s.scope}`} className="mt-0.5 h-4 w-4 accent-brand-500" />
                <input type="hidden" name="scope" value={s.scope} />
              </>
            ) : kind === "optional" ? (
              <input
                type="checkbox"
                role="switch"
                name="scope"
                value={s.scope}
                id={`scope-${s.scope}`}
                aria-describedby={`desc-${s.scope}`}
                className="relative mt-0.5 h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full bg-gray-300 transition-colors before:absolute before:top-0.5 before:left-0.5 before:h-4 before:w-4 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand-500 checked:before:translate-x-4"
              />
            ) : (
              <span aria-hidden className="mt-1 inline-block h-2 w-2 rounded-full bg-brand-500" />
            )}
            <label htmlFor={`scope-${s.scope}`} className="flex-1">
              <span className="block font-medium">
                {s.title} <code className="ml-1 text-xs font-normal text-gray-500">{s.scope}</code>
              </span>
              <span id={`desc-${s.scope}`} className="text-gray-600">{s.description}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function DecisionForm({ requestId, csrf, appName, backOnly, children }: { requestId: string; csrf: string; appName: string; backOnly?: boolean; children?: React.ReactNode }) {
  return (
    <form method="post" action="/oauth2/decision">
      <input type="hidden" name="request_id" value={requestId} />
      <input type="hidden" name="csrf_token" value={csrf} />
      {children}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {backOnly ? (
          <button type="submit" name="decision" value="cancel" className="h-9 rounded-sm border border-gray-300 bg-white px-5 hover:border-link hover:text-link">
            Back to {appName}
          </button>
        ) : (
          <>
            <button type="submit" name="decision" value="cancel" className="h-9 rounded-sm border border-gray-300 bg-white px-5 hover:border-link hover:text-link">
              Cancel
            </button>
            <button type="submit" name="decision" value="grant" className="h-9 rounded-sm bg-brand-500 px-6 font-medium text-white hover:bg-brand-600">
              Grant
            </button>
          </>
        )}
      </div>
    </form>
  );
}
