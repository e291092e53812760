export type Scope = { scope: string; title: string; description: string };

const headings = {
  required: {
    title: "Required scope",
    note: "The required scope includes data and permissions that the application needs to function. It is selected by default and cannot be deselected. To deny these permissions, reject the authorization request.",
  },
  optional: {
    title: "Optional scope",
    note: "The optional scope includes data and permissions that the application requests but does not require. You can grant or deny each of them.",
  },
} as const;

/**
 * Native controls keep it keyboard- and screen-reader-usable: a fieldset with a legend; required
 * items checked and locked (sent as hidden fields); optional items switches (checkbox
 * role="switch"), off by default.
 */
export function ScopeList({ kind, items }: { kind: "required" | "optional"; items: Scope[] }) {
  const h = headings[kind];
  return (
    <fieldset aria-describedby={`${kind}-note`}>
      <legend>{h.title}</legend>
      <p className="note" id={`${kind}-note`}>
        {h.note}
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
