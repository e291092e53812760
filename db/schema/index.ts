export * from "./identities";
export * from "./oauth";
export * from "./audit";
export * from "./installation";
