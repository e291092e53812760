import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch";
import type { ProtocolUi } from "./page-language";

/** The stylesheet of the protocol pages: the console's tokens, compiled into public/ (scripts/consent-css.ts). */
export const STYLESHEET = "/consent.css";

/**
 * The frame of every protocol page (consent screen, ask an administrator, errors): plain markup,
 * one stylesheet from 'self', no script at all, so it works with JavaScript disabled and nothing
 * injected can run. It speaks `ui.locale` (`<html lang>`) and carries the language switch.
 */
export function ProtocolDocument({
  ui,
  title,
  heading,
  children,
}: {
  ui: ProtocolUi;
  /** The page's own title; the document's title adds the console's name. */
  title: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <html lang={ui.locale}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document rendered outside Next.js */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{ui.t("consent.document.title", { title })}</title>
        <link rel="stylesheet" href={STYLESHEET} />
      </head>
      <body>
        <main className="page">
          <div className="card">
            <div className="top">
              <span className="mark" aria-hidden="true"></span>
              <span>{ui.t("consent.document.brand")}</span>
              <LanguageSwitch ui={ui} />
            </div>
            <div className="body">
              <h1>{heading}</h1>
              {children}
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "warn"; children: ReactNode }) {
  return <div className={tone === "warn" ? "notice warn" : "notice"}>{children}</div>;
}
