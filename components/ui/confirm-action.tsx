"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "./alert";
import { AlertDialog } from "./alert-dialog";
import { Button } from "./button";
import { useMutation, type MutationRequest } from "./use-mutation";

/**
 * A button that opens a confirmation (an alert dialog) and sends `request` on confirm. The dialog
 * closes only when the request succeeded; a failure is shown in the dialog and nothing else changes.
 */
export function ConfirmAction({
  trigger,
  triggerVariant = "secondary",
  triggerLabel,
  title = trigger,
  description,
  confirmLabel = title,
  request,
  success,
  redirectTo,
}: {
  trigger: string;
  triggerVariant?: "secondary" | "link" | "danger";
  /** An accessible name for the trigger when its text alone is ambiguous in a table. */
  triggerLabel?: string;
  /** The dialog's title; the trigger's text when left out. */
  title?: string;
  description: React.ReactNode;
  /** The confirming button's text; the title when left out. */
  confirmLabel?: string;
  request: MutationRequest;
  /** The toast after success: what happened. */
  success: string;
  redirectTo?: string;
}) {
  const t = useTranslations("console.dialog");
  const [open, setOpen] = useState(false);
  const { run, pending, error, reset } = useMutation();

  async function confirm() {
    const res = await run(request, { success, redirectTo });
    if (res.ok) setOpen(false);
  }

  return (
    <>
      <Button
        variant={triggerVariant}
        aria-label={triggerLabel}
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        {trigger}
      </Button>
      <AlertDialog
        open={open}
        onOpenChange={(o) => !pending && setOpen(o)}
        title={title}
        description={description}
        cancel={<Button disabled={pending}>{t("cancel")}</Button>}
        actions={
          <Button variant="danger" onClick={confirm} disabled={pending}>
            {pending ? t("working") : confirmLabel}
          </Button>
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
      </AlertDialog>
    </>
  );
}
