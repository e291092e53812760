import type { ReactNode } from "react";

/** The stylesheet of the protocol pages: the console's tokens, compiled into public/ (scripts/consent-css.ts). */
export const STYLESHEET = "/consent.css";

/**
 * The frame of every protocol page (consent screen, ask an administrator, errors): plain markup,
 * one stylesheet from 'self', no script at all, so it works with JavaScript disabled and nothing
 * injected can run.
 */
export function ProtocolDocument({
  title,
  heading,
  children,
}: {
  title: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document rendered outside Next.js */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={STYLESHEET} />
      </head>
      <body>
        <main className="page">
          <div className="card">
            <div className="top">
              <span className="mark" aria-hidden="true"></span>Alibaba Cloud · RAM
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
