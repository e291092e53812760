"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Shows a new client secret once. The secret lives only in this component's props: closing the
 * dialog lets the caller drop it, and no page or API answer shows it again.
 */
export function SecretDialog({
  title,
  clientId,
  secret,
  onClose,
}: {
  title: string;
  clientId: string;
  secret: string | null;
  onClose: () => void;
}) {
  const t = useTranslations("enterpriseApps.secretDialog");
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Without the Clipboard API (an http page that is not localhost): select it for Ctrl+C.
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(null);
          onClose();
        }
      }}
      title={title}
      footer={
        <Button
          variant="primary"
          onClick={() => {
            setCopied(null);
            onClose();
          }}
        >
          {t("close")}
        </Button>
      }
    >
      <Alert tone="warning" className="mb-4">
        {t("warning")}
      </Alert>
      <dl className="grid grid-cols-[7rem_1fr] items-center gap-y-3">
        <dt className="text-gray-500">{t("clientId")}</dt>
        <dd className="font-mono">{clientId}</dd>
        <dt className="text-gray-500">
          <label htmlFor="new-client-secret">{t("secret")}</label>
        </dt>
        <dd className="flex gap-2">
          <input
            ref={input}
            id="new-client-secret"
            readOnly
            value={secret ?? ""}
            onFocus={(e) => e.currentTarget.select()}
            className="h-8 min-w-0 flex-1 rounded-sm border border-gray-300 bg-gray-50 px-2 font-mono text-xs"
          />
          <Button onClick={copy}>{copied === "yes" ? t("copied") : t("copy")}</Button>
        </dd>
      </dl>
      {copied === "failed" ? <p className="mt-2 text-xs text-gray-600">{t("selected")}</p> : null}
    </Dialog>
  );
}
