import { describeScope, scopeMessageKey } from "@/lib/apps/scope-catalog";
import type { Translator } from "@/lib/i18n/translator";
import type { ProtocolUi } from "./page-language";

export type Scope = { scope: string; title: string; description: string };

/** One of our scopes in the page's language (scopeCatalog); any other as the application declared it. */
export function scopeIn(t: Translator, scope: string): Scope {
  const key = scopeMessageKey(scope);
  if (!key) return describeScope(scope);
  return { scope, title: t(`scopeCatalog.${key}.title`), description: t(`scopeCatalog.${key}.description`) };
}

/**
 * Native controls keep it keyboard- and screen-reader-usable: a fieldset with a legend; required
 * items checked and locked (sent as hidden fields); optional items switches (checkbox
 * role="switch"), off by default.
 */
export function ScopeList({
  ui: { t },
  kind,
  items,
}: {
  ui: ProtocolUi;
  kind: "required" | "optional";
  items: Scope[];
}) {
  return (
    <fieldset aria-describedby={`${kind}-note`}>
      <legend>{t(`consent.scopes.${kind}.title`)}</legend>
      <p className="note" id={`${kind}-note`}>
        {t(`consent.scopes.${kind}.note`)}
      </p>
      <ul className="scopes">
        {items.map((s) => (
          <ScopeItem key={s.scope} kind={kind} item={s} />
        ))}
      </ul>
    </fieldset>
  );
}

function ScopeItem({ kind, item }: { kind: "required" | "optional"; item: Scope }) {
  const id = `scope-${item.scope.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  const text = (
    <>
      <span className="title">
        {item.title}
        <code>{item.scope}</code>
      </span>
      <span className="muted" id={`${id}-desc`}>
        {item.description}
      </span>
    </>
  );
  return (
    <li>
      {kind === "required" ? (
        <>
          <input className="check" type="checkbox" defaultChecked disabled id={id} aria-describedby={`${id}-desc`} />
          <input type="hidden" name="scope" value={item.scope} />
        </>
      ) : (
        <input
          className="switch"
          type="checkbox"
          role="switch"
          name="scope"
          value={item.scope}
          id={id}
          aria-describedby={`${id}-desc`}
        />
      )}
      <label htmlFor={id}>{text}</label>
    </li>
  );
}
