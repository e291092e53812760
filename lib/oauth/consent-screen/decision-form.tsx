import type { ReactNode } from "react";

/**
 * The form the decision endpoint reads: request id, CSRF token, the scope items, and the button
 * pressed (`decision` = grant | cancel). Without `children` it only leads back to the application.
 */
export function DecisionForm({
  requestId,
  csrf,
  appName,
  children,
}: {
  requestId: string;
  csrf: string;
  appName: string;
  children?: ReactNode;
}) {
  return (
    <form method="post" action="/oauth2/decision">
      <input type="hidden" name="request_id" value={requestId} />
      <input type="hidden" name="csrf_token" value={csrf} />
      {children}
      <div className="actions">
        {children === undefined ? (
          <button className="button" type="submit" name="decision" value="cancel">
            Back to {appName}
          </button>
        ) : (
          <>
            <button className="button" type="submit" name="decision" value="cancel">
              Cancel
            </button>
            <button className="button primary" type="submit" name="decision" value="grant">
              Grant
            </button>
          </>
        )}
      </div>
    </form>
  );
}
