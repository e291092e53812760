"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * A button that opens a confirmation dialog. The dialog closes only when `onConfirm` succeeded;
 * a failure is shown in the dialog and nothing else changes.
 */
export function ConfirmAction({
  trigger,
  triggerVariant = "secondary",
  title,
  description,
  confirmLabel,
  onConfirm,
}: {
  trigger: string;
  triggerVariant?: "secondary" | "link" | "danger";
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    setError(null);
    const failure = await onConfirm();
    setPending(false);
    if (failure) return setError(failure);
    setOpen(false);
  }

  return (
    <>
      <Button variant={triggerVariant} onClick={() => { setError(null); setOpen(true); }}>
        {trigger}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => !pending && setOpen(o)}
        title={title}
        description={description}
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>Cancel</Button>
            <Button variant="danger" onClick={confirm} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </>
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
      </Dialog>
    </>
  );
}
