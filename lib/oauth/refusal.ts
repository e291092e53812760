import { englishOf, pageMessage, type PageErrorKey, type PageMessage } from "./page-text";

/** Why nothing can be granted. The first three make a pending request stale: nothing may be sent back to the app. */
export type RefuseReason = "app-gone" | "not-third-party" | "redirect-uri-gone" | "not-installed" | "unassigned";

/**
 * `message`: why, for the person (the pages show it in their language); `description`: the same in
 * English, for the application (RFC 6749 §4.1.2.1 error_description). `selfAssign`: the person is
 * not assigned but is an administrator, who can assign themselves.
 */
export type Refusal = {
  kind: "refuse";
  reason: RefuseReason;
  status: 400 | 403 | 404;
  error: string;
  message: PageMessage;
  description: string;
  selfAssign?: boolean;
};

/** A refusal whose words are the catalog message `consent.errors.<key>`. */
export function refuse(reason: RefuseReason, status: 400 | 403 | 404, error: string, key: PageErrorKey): Refusal {
  const message = pageMessage(key);
  return { kind: "refuse", reason, status, error, message, description: englishOf(message) };
}
