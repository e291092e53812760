/**
 * The system policies this console knows. Names are RAM's own. Catalog data (db/catalog.ts loads
 * it at every start), so it sits in db/; lib/ram/policies.ts gives it its meaning.
 */
export const systemPolicies = [
  { name: "AdministratorAccess", description: "Provides full access to Alibaba Cloud services and resources." },
  { name: "AliyunRAMFullAccess", description: "Provides full access to Resource Access Management (RAM)." },
  { name: "AliyunRAMReadOnlyAccess", description: "Provides read-only access to Resource Access Management (RAM)." },
  { name: "ReadOnlyAccess", description: "Provides read-only access to Alibaba Cloud services and resources." },
] as const;
