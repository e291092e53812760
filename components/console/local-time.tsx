"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** false while rendering on the server and hydrating, true afterwards: no hydration mismatch. */
function useMounted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Creating an Intl.DateTimeFormat costs ~80 µs: one per time zone, reused for every timestamp. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone?: string): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let format = formats.get(key);
  if (!format) formats.set(key, (format = newFormat(timeZone)));
  return format;
}

function newFormat(timeZone?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    fractionalSecondDigits: 3,
    hourCycle: "h23",
    timeZoneName: "longOffset",
  });
}

function parts(date: Date, timeZone?: string): Record<string, string> {
  return Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
}

function text(date: Date, timeZone?: string): { short: string; exact: string } {
  const p = parts(date, timeZone);
  const short = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  const zone = timeZone ?? formatFor().resolvedOptions().timeZone;
  return { short, exact: `${short}.${p.fractionalSecond} ${p.timeZoneName} (${zone})` };
}

/**
 * A point in time in the viewer's time zone (YYYY-MM-DD HH:mm:ss), the exact time on hover.
 * The server does not know the viewer's zone, so it renders UTC; the browser switches to local
 * time after hydration.
 */
export function LocalTime({ value }: { value: string | Date }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const mounted = useMounted();
  if (Number.isNaN(date.getTime())) return <span>—</span>;
  const utc = mounted ? null : text(date, "UTC");
  const shown = utc ? { short: `${utc.short} UTC`, exact: utc.exact } : text(date);
  return (
    <time dateTime={date.toISOString()} title={shown.exact} className="whitespace-nowrap tabular-nums">
      {shown.short}
    </time>
  );
}
