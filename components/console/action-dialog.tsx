"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useMutation } from "@/components/ui/use-mutation";

export type Mutation = ReturnType<typeof useMutation>;

/**
 * A button that opens a dialog with Cancel and OK. OK calls `onSubmit` with the dialog's mutation (and,
 * with `form`, the form's fields); the dialog closes when it resolves to true, and otherwise shows the
 * failure inside. It cannot be closed while a request is under way.
 */
export function ActionDialog({
  trigger,
  triggerProps,
  title,
  description,
  pendingLabel,
  okDisabled,
  form,
  onOpen,
  onSubmit,
  children,
}: {
  trigger: string;
  triggerProps?: Omit<React.ComponentProps<typeof Button>, "onClick" | "children">;
  title: string;
  description?: React.ReactNode;
  /** OK's text while the request runs ("Adding…"). */
  pendingLabel: string;
  okDisabled?: boolean;
  /** The body is a form: OK submits it, so Enter does too; "native" lets the browser check `required` first. */
  form?: "native" | "server";
  /** Resets the caller's choices each time the dialog opens. */
  onOpen?: () => void;
  onSubmit: (mutation: Mutation, fields: FormData) => Promise<boolean | void>;
  children: React.ReactNode;
}) {
  const t = useTranslations("console.dialog");
  const [open, setOpen] = useState(false);
  const mutation = useMutation();
  const formId = useId();
  const { pending, error } = mutation;

  // Escape or Cancel while the request runs would hide its outcome.
  const closeUnlessPending = (o: boolean) => !pending && setOpen(o);

  function show() {
    mutation.reset();
    onOpen?.();
    setOpen(true);
  }

  async function submit(event?: React.FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (await onSubmit(mutation, new FormData(event?.currentTarget))) setOpen(false);
  }

  return (
    <>
      <Button variant="primary" {...triggerProps} onClick={show}>
        {trigger}
      </Button>
      <Dialog
        open={open}
        onOpenChange={closeUnlessPending}
        title={title}
        description={description}
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button
              variant="primary"
              {...(form ? { type: "submit", form: formId } : { onClick: () => submit() })}
              disabled={pending || okDisabled}
            >
              {pending ? pendingLabel : t("ok")}
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="error" className="mb-3">
            {error}
          </Alert>
        ) : null}
        {form ? (
          <form id={formId} onSubmit={submit} noValidate={form === "server"}>
            {children}
          </form>
        ) : (
          children
        )}
      </Dialog>
    </>
  );
}
