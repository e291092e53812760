/** The system policies this console knows. Names are RAM's own. */
export const systemPolicies = [
  { name: "AdministratorAccess", description: "Provides full access to Alibaba Cloud services and resources." },
  { name: "AliyunRAMFullAccess", description: "Provides full access to Resource Access Management (RAM)." },
  { name: "AliyunRAMReadOnlyAccess", description: "Provides read-only access to Resource Access Management (RAM)." },
  { name: "ReadOnlyAccess", description: "Provides read-only access to Alibaba Cloud services and resources." },
] as const;

export type PolicyName = (typeof systemPolicies)[number]["name"];

/** Policies that make a principal a RAM administrator (may install and revoke applications). */
export const adminPolicies: readonly string[] = ["AdministratorAccess", "AliyunRAMFullAccess"];
/** Policies that let a principal read RAM (users, groups, installed applications). */
export const readPolicies: readonly string[] = [...adminPolicies, "AliyunRAMReadOnlyAccess", "ReadOnlyAccess"];
