import { Notice, ProtocolDocument } from "./document";
import type { ProtocolUi } from "./page-language";

/** Where a dead end leads: back to the application (its homepage), or else to the console. */
export type WayBack = { name: string; href: string } | null;

function Actions({ children }: { children: React.ReactNode }) {
  return <div className="actions">{children}</div>;
}

/**
 * A request that cannot be shown: unknown, answered, expired, or its application changed. It
 * offers a way back to the application when its homepage is known, and to the console otherwise.
 * `title` and `message` are in the page's language already.
 */
export function GoneScreen({
  ui,
  title,
  message,
  tone,
  back = null,
}: {
  ui: ProtocolUi;
  title: string;
  message: string;
  tone?: "info" | "warn";
  back?: WayBack;
}) {
  const { t } = ui;
  return (
    <ProtocolDocument ui={ui} title={title} heading={title}>
      <Notice tone={tone}>{message}</Notice>
      <Actions>
        {back ? (
          <a className="button primary" href={back.href} rel="noopener noreferrer">
            {t("consent.gone.backTo", { app: back.name })}
          </a>
        ) : (
          // eslint-disable-next-line @next/next/no-html-link-for-pages -- static HTML outside Next.js: lib/oauth imports no Next.js
          <a className="button" href="/">
            {t("consent.gone.console")}
          </a>
        )}
      </Actions>
    </ProtocolDocument>
  );
}

/** The console session ended while the consent screen was open: sign in again and continue the same request. */
export function SessionEndedScreen({ ui, signInUrl }: { ui: ProtocolUi; signInUrl: string }) {
  const { t } = ui;
  const title = t("consent.sessionEnded.title");
  return (
    <ProtocolDocument ui={ui} title={title} heading={title}>
      <Notice tone="warn">{t("consent.sessionEnded.message")}</Notice>
      <Actions>
        <a className="button primary" href={signInUrl}>
          {t("consent.sessionEnded.signIn")}
        </a>
      </Actions>
    </ProtocolDocument>
  );
}
