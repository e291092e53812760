import type { ReactNode } from "react";
import { LANG_PARAM } from "@/lib/i18n/switch-target";
import type { ProtocolUi } from "./page-language";

/**
 * The form the decision endpoint reads: request id, CSRF token, the scope items, and the button
 * pressed (`decision` = grant | cancel), with the page's language (`lang`: the decision's own
 * pages answer in it). Without `children` it only leads back to the application.
 */
export function DecisionForm({
  ui,
  requestId,
  csrf,
  appName,
  children,
}: {
  ui: ProtocolUi;
  requestId: string;
  csrf: string;
  appName: string;
  children?: ReactNode;
}) {
  const { t } = ui;
  return (
    <form method="post" action="/oauth2/decision">
      <input type="hidden" name="request_id" value={requestId} />
      <input type="hidden" name="csrf_token" value={csrf} />
      <input type="hidden" name={LANG_PARAM} value={ui.locale} />
      {children}
      <div className="actions">
        {children === undefined ? (
          <button className="button" type="submit" name="decision" value="cancel">
            {t("consent.decision.back", { app: appName })}
          </button>
        ) : (
          <>
            <button className="button" type="submit" name="decision" value="cancel">
              {t("consent.decision.cancel")}
            </button>
            <button className="button primary" type="submit" name="decision" value="grant">
              {t("consent.decision.grant")}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
