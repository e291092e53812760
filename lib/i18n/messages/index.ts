import enApprovals from "./en/approvals.json";
import enAuthorizedApps from "./en/authorizedApps.json";
import zhApprovals from "./zh-CN/approvals.json";
import zhAuthorizedApps from "./zh-CN/authorizedApps.json";

/** The message catalogs: one namespace per feature, the file name is the namespace. */
export const catalogs = {
  en: { approvals: enApprovals, authorizedApps: enAuthorizedApps },
  "zh-CN": { approvals: zhApprovals, authorizedApps: zhAuthorizedApps },
};
