export * from "./identities";
export * from "./oauth";
export * from "./tokens";
export * from "./consent-requests";
export * from "./audit";
export * from "./installation";
export * from "./mcp-clients";
export * from "./approvals";
