import { systemPolicies } from "@/db/system-policies";

export { systemPolicies };

export type PolicyName = (typeof systemPolicies)[number]["name"];

/** Policies that make a principal a RAM administrator (may install and revoke applications). */
export const adminPolicies: readonly string[] = ["AdministratorAccess", "AliyunRAMFullAccess"];
/** Policies that let a principal read RAM (users, groups, installed applications). */
export const readPolicies: readonly string[] = [...adminPolicies, "AliyunRAMReadOnlyAccess", "ReadOnlyAccess"];
