"use client";

import { useTranslations } from "next-intl";
import { Toast as T } from "radix-ui";
import { useSyncExternalStore } from "react";

type Item = { id: number; message: string; tone: "success" | "error" };

// One store per browser tab: `toast()` may be called from any client component, the Toaster shows it.
let items: Item[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => (listeners.add(l), () => void listeners.delete(l));
const none: Item[] = [];

/** Shows a short message in the corner (role="status", read by screen readers); it closes by itself after 10 s. */
export function toast(message: string, tone: Item["tone"] = "success") {
  const id = nextId++;
  items = [...items, { id, message, tone }];
  emit();
  // Closed by our own timer, not Radix's: its timer can close a toast at once when the viewport is
  // paused (window blur, pointer) before the timer first started (negative remaining time).
  setTimeout(() => dismiss(id), DURATION_MS);
}

/** Long enough to read (WCAG 2.2.1). */
const DURATION_MS = 10_000;

function dismiss(id: number) {
  items = items.filter((i) => i.id !== id);
  emit();
}

/** Mounted once, in the console layout. */
export function Toaster() {
  const t = useTranslations("console.toast");
  const shown = useSyncExternalStore(
    subscribe,
    () => items,
    () => none,
  );
  return (
    <T.Provider swipeDirection="right" duration={Infinity} label={t("region")}>
      {shown.map((i) => (
        <T.Root
          key={i.id}
          type={i.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => !open && dismiss(i.id)}
          className={`flex items-start gap-3 rounded-sm border bg-white px-4 py-3 shadow-lg ${i.tone === "error" ? "border-red-200" : "border-green-200"}`}
        >
          <span aria-hidden className={`mt-0.5 text-sm ${i.tone === "error" ? "text-red-600" : "text-green-600"}`}>
            {i.tone === "error" ? "✕" : "✓"}
          </span>
          <T.Description className="flex-1 text-gray-800">{i.message}</T.Description>
          <T.Close aria-label={t("close")} className="rounded-sm px-1 text-gray-500 hover:text-gray-800">
            ×
          </T.Close>
        </T.Root>
      ))}
      {/* Radix puts the key that moves focus here (F8) in place of {hotkey}. */}
      <T.Viewport
        label={t("viewport", { hotkey: "{hotkey}" })}
        className="fixed right-4 bottom-4 z-[60] flex w-[min(92vw,360px)] flex-col gap-2 outline-none"
      />
    </T.Provider>
  );
}
