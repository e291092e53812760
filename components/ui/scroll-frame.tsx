"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * A box that scrolls sideways when its content (a table) is wider than the screen, and shows it:
 * a shadow at each edge with more behind it, and a hint under it. While it scrolls it is a
 * labelled, focusable region, so a keyboard can scroll it too (arrow keys).
 */
export function ScrollFrame({ label, children }: { label?: string; children: React.ReactNode }) {
  const t = useTranslations("console.table");
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () =>
      setMore({ left: box.scrollLeft > 0, right: box.scrollLeft + box.clientWidth < box.scrollWidth - 1 });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener("scroll", update, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", update);
    };
  }, []);
  const scrolls = more.left || more.right;
  return (
    <div>
      <div className="relative rounded-sm border border-gray-200 bg-white">
        <div
          ref={ref}
          className="overflow-x-auto"
          {...(scrolls
            ? { tabIndex: 0, role: "region", "aria-label": t("scrollRegion", { table: label ?? t("name") }) }
            : {})}
        >
          {children}
        </div>
        {more.left ? <Edge side="left" /> : null}
        {more.right ? <Edge side="right" /> : null}
      </div>
      {scrolls ? (
        <p aria-hidden className="mt-1 text-right text-xs text-gray-500" data-testid="scroll-hint">
          {t("scrollHint")}
        </p>
      ) : null}
    </div>
  );
}

function Edge({ side }: { side: "left" | "right" }) {
  return (
    <div
      aria-hidden
      data-testid={`more-${side}`}
      className={
        side === "left"
          ? "pointer-events-none absolute inset-y-0 left-0 w-5 bg-linear-to-r from-black/15 to-transparent"
          : "pointer-events-none absolute inset-y-0 right-0 w-5 bg-linear-to-l from-black/15 to-transparent"
      }
    />
  );
}
