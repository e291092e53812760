import { Notice, ProtocolDocument } from "./document";

/** Where a dead end leads: back to the application (its homepage), or else to the console. */
export type WayBack = { name: string; href: string } | null;

function Actions({ children }: { children: React.ReactNode }) {
  return <div className="actions">{children}</div>;
}

/**
 * A request that cannot be shown: unknown, answered, expired, or its application changed. It
 * offers a way back to the application when its homepage is known, and to the console otherwise.
 */
export function GoneScreen({
  title,
  message,
  tone,
  back = null,
}: {
  title: string;
  message: string;
  tone?: "info" | "warn";
  back?: WayBack;
}) {
  return (
    <ProtocolDocument title={`${title} · RAM console`} heading={title}>
      <Notice tone={tone}>{message}</Notice>
      <Actions>
        {back ? (
          <a className="button primary" href={back.href} rel="noopener noreferrer">
            Back to {back.name}
          </a>
        ) : (
          // eslint-disable-next-line @next/next/no-html-link-for-pages -- static HTML outside Next.js: lib/oauth imports no Next.js
          <a className="button" href="/">
            Go to the RAM console
          </a>
        )}
      </Actions>
    </ProtocolDocument>
  );
}

/** The console session ended while the consent screen was open: sign in again and continue the same request. */
export function SessionEndedScreen({ signInUrl }: { signInUrl: string }) {
  const title = "Your console session has ended";
  return (
    <ProtocolDocument title={`${title} · RAM console`} heading={title}>
      <Notice tone="warn">Nothing was granted. Sign in again to continue authorizing the application.</Notice>
      <Actions>
        <a className="button primary" href={signInUrl}>
          Sign in again
        </a>
      </Actions>
    </ProtocolDocument>
  );
}
