import type { ApprovalState } from "@/lib/apps/approval-state";
import { REASON_MAX } from "@/lib/apps/request-approval";
import type { ConsentOutcome } from "../consent-outcome";
import { approvalsTranslator, type ApprovalsT } from "./approvals-translator";
import { AppCard } from "./app-card";
import { Notice, ProtocolDocument } from "./document";
import { LANG_PARAM } from "@/lib/i18n/switch-target";
import type { ProtocolUi } from "./page-language";
import { AskAdminScreen, type ScreenData } from "./screens";

/** Where a request for approval is posted: the consent request's own sub-path (app/oauth2/consent/[requestId]/approval-request). */
export const approvalRequestPath = (requestId: string) =>
  `/oauth2/consent/${encodeURIComponent(requestId)}/approval-request`;

type Names = { app: string; account: string };

/**
 * Request approval on the ask-an-administrator page (issue 16, item 2): a plain form (no script),
 * its CSRF token bound to the console session and this consent request, the page's language
 * (its answers speak it), an optional reason.
 */
export function ApprovalRequestForm({
  ui,
  t,
  requestId,
  csrf,
  names,
  again,
}: {
  ui: ProtocolUi;
  t: ApprovalsT;
  requestId: string;
  csrf: string;
  names: Names;
  again: boolean;
}) {
  return (
    <form className="request" method="post" action={approvalRequestPath(requestId)} aria-labelledby="request-title">
      <h2 id="request-title">{t("consent.formTitle")}</h2>
      <p className="muted">{t("consent.formIntro", names)}</p>
      <input type="hidden" name="csrf_token" value={csrf} />
      <input type="hidden" name={LANG_PARAM} value={ui.locale} />
      <label htmlFor="approval-reason">{t("consent.reasonLabel")}</label>
      <p className="note" id="approval-reason-hint">
        {t("consent.reasonHint", { app: names.app, max: REASON_MAX })}
      </p>
      <textarea
        id="approval-reason"
        name="reason"
        rows={3}
        maxLength={REASON_MAX}
        aria-describedby="approval-reason-hint"
      />
      <div className="actions">
        <button className="button primary" type="submit">
          {again ? t("consent.submitAgain") : t("consent.submit")}
        </button>
      </div>
    </form>
  );
}

/** What became of the person's request, on the ask-an-administrator page: waiting, or denied with the administrator's reason. */
export function ApprovalStatusNotice({
  t,
  approval,
  names,
}: {
  t: ApprovalsT;
  approval: ApprovalState | undefined;
  names: Names;
}) {
  if (approval?.status === "pending")
    return (
      <Notice>
        <h2>{t("consent.pendingTitle", names)}</h2>
        <p>{t("consent.pendingBody", { ...names, askedAt: approval.askedAt })}</p>
      </Notice>
    );
  if (approval?.status === "denied")
    return (
      <Notice tone="warn">
        <h2>{t("consent.deniedTitle", names)}</h2>
        <p>{t("consent.deniedBody", { decidedBy: approval.decidedBy, decidedAt: approval.decidedAt })}</p>
        <p>{t("consent.deniedReason", { reason: approval.reason })}</p>
        <p>{t("consent.deniedAgain")}</p>
      </Notice>
    );
  return null;
}

/**
 * The consent request was made before an administrator installed the application (approving the
 * person's request, or granting it): nothing is left to ask, the authorization request goes on.
 */
export function ApprovedScreen({
  t,
  data,
  approval,
  names,
  continueHref,
}: {
  t: ApprovalsT;
  data: ScreenData;
  approval: ApprovalState | undefined;
  names: Names;
  /** The authorization request again: now that the application is installed, it issues a code. */
  continueHref: string;
}) {
  const approved = approval?.status === "approved" ? approval : null;
  const title = approved ? t("consent.approvedTitle", names) : t("consent.installedTitle", names);
  return (
    <ProtocolDocument ui={data.ui} title={title} heading={title}>
      <AppCard {...data} />
      <Notice>
        {approved
          ? t("consent.approvedBody", { ...names, decidedBy: approved.decidedBy })
          : t("consent.installedBody", names)}
      </Notice>
      <div className="actions">
        <a className="button primary" href={continueHref}>
          {t("consent.continue", names)}
        </a>
      </div>
    </ProtocolDocument>
  );
}

/** Too many requests for approval from this person: nothing was recorded this time (429). */
export function TooManyRequestsScreen({ ui, back }: { ui: ProtocolUi; back: string }) {
  const t = approvalsTranslator(ui.locale);
  const title = t("consent.tooManyTitle");
  return (
    <ProtocolDocument ui={ui} title={title} heading={title}>
      <Notice tone="warn">{t("consent.tooManyBody")}</Notice>
      <div className="actions">
        <a className="button" href={back}>
          {t("consent.back")}
        </a>
      </div>
    </ProtocolDocument>
  );
}

/**
 * The ask-an-administrator page with the person's request for approval: the form (again after a
 * denial), or that it waits; once the application is installed, the way on instead.
 */
export function AskAdminWithApproval({
  data,
  outcome,
  continueHref,
}: {
  data: ScreenData;
  outcome: Extract<ConsentOutcome, { kind: "ask-admin" }>;
  continueHref: string;
}) {
  const t = approvalsTranslator(data.ui.locale);
  const names = { app: data.client.name, account: data.accountAlias };
  const { approval } = outcome;
  if (outcome.installed)
    return <ApprovedScreen t={t} data={data} approval={approval} names={names} continueHref={continueHref} />;
  return (
    <AskAdminScreen data={data} admins={outcome.admins}>
      <ApprovalStatusNotice t={t} approval={approval} names={names} />
      {approval?.status === "pending" ? null : (
        <ApprovalRequestForm
          ui={data.ui}
          t={t}
          requestId={data.requestId}
          csrf={data.csrf}
          names={names}
          again={approval?.status === "denied"}
        />
      )}
    </AskAdminScreen>
  );
}
