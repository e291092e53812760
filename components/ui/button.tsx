"use client";

import { useHydrated } from "./use-hydrated";
import { buttonClass, type Variant } from "./button-class";

/**
 * A console button. One of type "button" works only with script (it opens a dialog, switches,
 * deletes), and so does the submit button of a form that script sends (`needsScript`): until React
 * has hydrated it, it says so with aria-disabled: assistive technology announces it as not yet
 * available, and a browser test's click waits for it instead of being lost. Its look does not
 * change for that moment. Submit buttons of plain forms (sign-in, first run) work without script.
 */
export function Button({
  variant = "secondary",
  className,
  type = "button",
  needsScript = type === "button",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; needsScript?: boolean }) {
  const hydrated = useHydrated();
  const waiting = needsScript && !hydrated ? { "aria-disabled": true } : {};
  return <button type={type} className={buttonClass(variant, className)} {...waiting} {...props} />;
}
