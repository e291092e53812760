/**
 * The message catalogs: one JSON file per namespace and language (messages/<locale>/<namespace>.json),
 * imported statically so that every bundle (pages, route handlers, the lean server) has them. Both
 * languages have the same keys and ICU arguments (tests/i18n/catalogs.unit.test.ts). Chinese terms
 * follow ../glossary.md.
 */
import enCommon from "./en/common.json";
import enErrors from "./en/errors.json";
import enConsole from "./en/console.json";
import enIdentities from "./en/identities.json";
import enPermissions from "./en/permissions.json";
import enOverview from "./en/overview.json";
import enErrorPages from "./en/errorPages.json";
import enThirdPartyApps from "./en/thirdPartyApps.json";
import enEnterpriseApps from "./en/enterpriseApps.json";
import enOauthScopes from "./en/oauthScopes.json";
import enConsent from "./en/consent.json";
import enSignIn from "./en/signIn.json";
import enSetup from "./en/setup.json";
import enScopeCatalog from "./en/scopeCatalog.json";
import enApiErrors from "./en/apiErrors.json";
import enValidation from "./en/validation.json";
import enOperationLogs from "./en/operationLogs.json";
import enRevokeImpact from "./en/revokeImpact.json";
import enApprovals from "./en/approvals.json";
import enAuthorizedApps from "./en/authorizedApps.json";
import zhCommon from "./zh-CN/common.json";
import zhErrors from "./zh-CN/errors.json";
import zhConsole from "./zh-CN/console.json";
import zhIdentities from "./zh-CN/identities.json";
import zhPermissions from "./zh-CN/permissions.json";
import zhOverview from "./zh-CN/overview.json";
import zhErrorPages from "./zh-CN/errorPages.json";
import zhThirdPartyApps from "./zh-CN/thirdPartyApps.json";
import zhEnterpriseApps from "./zh-CN/enterpriseApps.json";
import zhOauthScopes from "./zh-CN/oauthScopes.json";
import zhConsent from "./zh-CN/consent.json";
import zhSignIn from "./zh-CN/signIn.json";
import zhSetup from "./zh-CN/setup.json";
import zhScopeCatalog from "./zh-CN/scopeCatalog.json";
import zhApiErrors from "./zh-CN/apiErrors.json";
import zhValidation from "./zh-CN/validation.json";
import zhOperationLogs from "./zh-CN/operationLogs.json";
import zhRevokeImpact from "./zh-CN/revokeImpact.json";
import zhApprovals from "./zh-CN/approvals.json";
import zhAuthorizedApps from "./zh-CN/authorizedApps.json";

export const catalogs = {
  en: {
    common: enCommon,
    errors: enErrors,
    console: enConsole,
    identities: enIdentities,
    permissions: enPermissions,
    overview: enOverview,
    errorPages: enErrorPages,
    thirdPartyApps: enThirdPartyApps,
    enterpriseApps: enEnterpriseApps,
    oauthScopes: enOauthScopes,
    consent: enConsent,
    signIn: enSignIn,
    setup: enSetup,
    scopeCatalog: enScopeCatalog,
    apiErrors: enApiErrors,
    validation: enValidation,
    operationLogs: enOperationLogs,
    revokeImpact: enRevokeImpact,
    approvals: enApprovals,
    authorizedApps: enAuthorizedApps,
  },
  "zh-CN": {
    common: zhCommon,
    errors: zhErrors,
    console: zhConsole,
    identities: zhIdentities,
    permissions: zhPermissions,
    overview: zhOverview,
    errorPages: zhErrorPages,
    thirdPartyApps: zhThirdPartyApps,
    enterpriseApps: zhEnterpriseApps,
    oauthScopes: zhOauthScopes,
    consent: zhConsent,
    signIn: zhSignIn,
    setup: zhSetup,
    scopeCatalog: zhScopeCatalog,
    apiErrors: zhApiErrors,
    validation: zhValidation,
    operationLogs: zhOperationLogs,
    revokeImpact: zhRevokeImpact,
    approvals: zhApprovals,
    authorizedApps: zhAuthorizedApps,
  },
};

export type Messages = (typeof catalogs)["en"];
