"use client";

import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Input, Label } from "@/components/ui/input";

export type FilterValues = { from?: string; to?: string; actor?: string; action?: string; clientId?: string };

const noSubscription = () => () => {};

/** An ISO time as a datetime-local value in the viewer's zone ("2026-06-01T14:00"). */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The filters of the operation logs: a time range in the viewer's zone (sent as ISO 8601 with its
 * offset), the actor's logon name, an action, an application ID. A plain GET form underneath, so it
 * also works before the page's scripts run (times are then read as UTC).
 */
export function FiltersForm({
  basePath,
  values,
  actions,
}: {
  basePath: string;
  values: FilterValues;
  actions: { value: string; label: string }[];
}) {
  const t = useTranslations("operationLogs.filters");
  const router = useRouter();
  // The server does not know the viewer's zone: the time fields fill in once the page runs here.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, raw] of new FormData(event.currentTarget)) {
      const value = String(raw).trim();
      if (!value) continue;
      const time = key === "from" || key === "to" ? new Date(value) : null;
      params.set(key, time && !Number.isNaN(time.getTime()) ? time.toISOString() : value);
    }
    router.push(`${basePath}?${params}`);
  }

  const time = (name: "from" | "to") => (
    <div className="min-w-0">
      <Label htmlFor={`filter-${name}`}>{t(name)}</Label>
      <Input
        key={mounted ? "local" : "server"}
        id={`filter-${name}`}
        name={name}
        type="datetime-local"
        step={60}
        defaultValue={mounted ? toLocalInput(values[name]) : ""}
      />
    </div>
  );

  return (
    <form
      role="search"
      aria-label={t("label")}
      onSubmit={submit}
      className="mb-4 grid grid-cols-1 gap-3 rounded-sm border border-gray-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-6"
    >
      {time("from")}
      {time("to")}
      <div className="min-w-0">
        <Label htmlFor="filter-actor">{t("actor")}</Label>
        <Input
          id="filter-actor"
          name="actor"
          defaultValue={values.actor}
          placeholder={t("actorPlaceholder")}
          maxLength={256}
          autoComplete="off"
        />
      </div>
      <div className="min-w-0">
        <Label htmlFor="filter-action">{t("action")}</Label>
        <select
          id="filter-action"
          name="action"
          defaultValue={values.action ?? ""}
          className="h-8 w-full rounded-sm border border-gray-300 bg-white px-2 text-[13px] outline-none focus:border-link"
        >
          <option value="">{t("anyAction")}</option>
          {actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-0">
        <Label htmlFor="filter-client">{t("application")}</Label>
        <Input
          id="filter-client"
          name="clientId"
          defaultValue={values.clientId}
          placeholder={t("applicationPlaceholder")}
          maxLength={128}
          autoComplete="off"
        />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit" needsScript variant="primary">
          {t("apply")}
        </Button>
        <a href={basePath} className={buttonClass("secondary")}>
          {t("reset")}
        </a>
      </div>
    </form>
  );
}
