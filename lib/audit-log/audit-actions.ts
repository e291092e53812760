/**
 * The actions the console audits, in the order the operation logs' filter offers them. Each has a
 * label in the operationLogs catalog (`actions.<name>`); an action not listed here is still shown
 * and filterable, by its name.
 */
export const AUDIT_ACTIONS = [
  "SignIn",
  "AssumeRole",
  "SwitchBack",
  "CreateUser",
  "UpdateUser",
  "DeleteUser",
  "CreateGroup",
  "DeleteGroup",
  "AddUserToGroup",
  "RemoveUserFromGroup",
  "CreateRole",
  "DeleteRole",
  "AddRoleTrustee",
  "RemoveRoleTrustee",
  "AttachPolicy",
  "DetachPolicy",
  "CreateApplication",
  "UpdateApplication",
  "DeleteApplication",
  "AddAppScope",
  "UpdateAppScope",
  "DeleteAppScope",
  "CreateAppSecret",
  "DeleteAppSecret",
  "InstallApplication",
  "ProvisionApplication",
  "CreateAssignment",
  "DeleteAssignment",
  "ConsentApplication",
  "CallMcpTool",
  "UpdateAuditRetention",
  "CreateAccount",
] as const;
