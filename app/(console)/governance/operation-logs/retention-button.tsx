"use client";

import { useTranslations } from "next-intl";
import { ActionDialog } from "@/components/console/action-dialog";
import { Field, Input } from "@/components/ui/input";

/** Retention Setting (administrators): how many days the account keeps its operation logs. */
export function RetentionButton({ days, min, max }: { days: number; min: number; max: number }) {
  const t = useTranslations("operationLogs.retention");
  return (
    <ActionDialog
      trigger={t("edit")}
      triggerProps={{ variant: "secondary" }}
      title={t("dialogTitle")}
      description={t("dialogDescription")}
      pendingLabel={t("saving")}
      form="server"
      onSubmit={async (mutation, fields) => {
        const raw = String(fields.get("retentionDays") ?? "").trim();
        const retentionDays = raw === "" ? raw : Number(raw);
        const res = await mutation.run<{ retentionDays: number }>(
          { url: "/api/v1/audit-settings", method: "PUT", body: { retentionDays } },
          { success: t("saved", { days: typeof retentionDays === "number" ? retentionDays : days }) },
        );
        return res.ok;
      }}
    >
      <Field label={t("label")} htmlFor="retention-days" hint={t("hint", { min, max })}>
        <Input
          id="retention-days"
          name="retentionDays"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          defaultValue={days}
          required
        />
      </Field>
    </ActionDialog>
  );
}
