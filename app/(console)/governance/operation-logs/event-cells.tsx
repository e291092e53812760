import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/console/local-time";
import { Badge } from "@/components/ui/badge";
import type { AuditEvent } from "@/lib/audit-log/audit-links";

type T = Awaited<ReturnType<typeof getTranslations<"operationLogs">>>;
type Dynamic = (key: string, values?: Record<string, string | number>) => string;

/** A message of a family chosen at run time (`actions.DeleteApplication`), or `fallback` when there is none. */
export function labelOf(t: T, family: "actions" | "targetTypes", name: string, fallback = name): string {
  const key = `${family}.${name}`;
  return t.has(key as never) ? (t as unknown as Dynamic)(key) : fallback;
}

const RESULT_TONES = { success: "green", failure: "red", throttled: "orange" } as const;

export function timeCell(e: AuditEvent) {
  return <LocalTime value={e.createdAt} />;
}

/** Who: the label as recorded, its kind (RAM user, role session, not signed in…) and the application it came through. */
export function actorCell(t: T, e: AuditEvent) {
  const via = e.viaApp ? t("via", { app: e.viaApp.name ?? e.viaApp.clientId }) : null;
  return (
    <>
      <div className="wrap-anywhere">{e.actor}</div>
      <div className="text-xs text-gray-500">
        {t(`actorTypes.${e.actorType}`)}
        {via ? (
          <>
            <span aria-hidden> · </span>
            <span className="wrap-anywhere">{via}</span>
          </>
        ) : null}
      </div>
    </>
  );
}

export function actionCell(t: T, e: AuditEvent) {
  const label = labelOf(t, "actions", e.action);
  return (
    <>
      <div>{label}</div>
      {label !== e.action ? <div className="font-mono text-xs text-gray-500">{e.action}</div> : null}
    </>
  );
}

/** What: the target's name where the event knows it, its kind and id, linked while it still exists. */
export function targetCell(t: T, e: AuditEvent) {
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const isApp = e.targetType === "application" || e.targetType === "installation";
  const name =
    text(e.detail.name) ??
    text(e.detail.userName) ??
    (isApp ? (e.app?.name ?? undefined) : undefined) ??
    (e.action === "SignIn" ? (e.actorLogin ?? undefined) : undefined) ??
    e.targetId;
  const shown = e.targetPath ? (
    <Link className="link wrap-anywhere" href={e.targetPath}>
      {name}
    </Link>
  ) : (
    <span className="wrap-anywhere">{name}</span>
  );
  const id = isApp && e.appClientId ? e.appClientId : e.targetId;
  return (
    <>
      <div>{shown}</div>
      <div className="text-xs text-gray-500">
        {labelOf(t, "targetTypes", e.targetType)}
        {id !== name ? (
          <>
            <span aria-hidden> · </span>
            <span className="font-mono wrap-anywhere">{id}</span>
          </>
        ) : null}
      </div>
    </>
  );
}

export function resultCell(t: T, e: AuditEvent) {
  return <Badge tone={RESULT_TONES[e.result]}>{t(`results.${e.result}`)}</Badge>;
}
