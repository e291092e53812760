import { generateKeyPairSync, sign } from "node:crypto";
import { gzipSync } from "node:zlib";
import { SignJWT } from "jose";
import { s256Challenge } from "@/lib/oauth/check-pkce";
import { REDIRECT_URI } from "./dataset";
import { BENCH_VERIFIER } from "./fixtures";

/**
 * RSA-2048 signatures per second on one core: node:crypto's synchronous sign (the raw rate), and
 * jose's RS256 SignJWT one at a time (what signIdToken does; WebCrypto runs it on the thread pool).
 */
export async function measureRsaSigning(
  seconds: number,
): Promise<{ nodeCryptoPerSecond: number; josePerSecond: number }> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const payload = Buffer.from(
    JSON.stringify({ iss: "http://127.0.0.1", sub: "x".repeat(36), aud: "1".repeat(19), iat: 1, exp: 2 }),
  );
  let n = 0;
  let t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    sign("sha256", payload, privateKey);
    n++;
  }
  const nodeCryptoPerSecond = Math.round(n / ((performance.now() - t) / 1000));
  n = 0;
  t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    await new SignJWT({ sub: "x".repeat(36), nonce: "n" })
      .setProtectedHeader({ alg: "RS256", kid: "k" })
      .setIssuer("http://127.0.0.1")
      .setAudience("a")
      .sign(privateKey);
    n++;
  }
  return { nodeCryptoPerSecond, josePerSecond: Math.round(n / ((performance.now() - t) / 1000)) };
}

export type ConsentJs = {
  status: number;
  scripts: { src: string; bytes: number; gzipBytes: number }[];
  totalGzipBytes: number;
  /** inline scripts of the HTML (the RSC payload), for information: they are part of the HTML download */
  inlineBytes: number;
  plainFormPost: boolean;
};

/**
 * The consent page's first-load JavaScript: an administrator starts an authorization for an
 * application the account has not installed, follows the redirect to the consent page, and every
 * script chunk its HTML references is fetched and gzipped (the page's own inline data is HTML).
 */
export async function measureConsentJs(origin: string, cookie: string, clientId: string): Promise<ConsentJs> {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: "openid profile",
    state: "bench",
    code_challenge: s256Challenge(BENCH_VERIFIER),
    code_challenge_method: "S256",
  });
  const start = await fetch(`${origin}/oauth2/authorize?${q}`, { headers: { cookie }, redirect: "manual" });
  const location = start.headers.get("location") ?? "";
  if (!location.includes("/oauth2/consent/")) throw new Error(`no consent redirect: ${start.status} ${location}`);
  const page = await fetch(new URL(location, origin), { headers: { cookie } });
  const html = await page.text();
  // nomodule scripts (legacy polyfills) are neither downloaded nor run by modern browsers.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const srcs = [
    ...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []).map((src) => src.replace(/&amp;/g, "&"))),
  ];
  const inlineBytes = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (a, m) => a + Buffer.byteLength(m[1]!),
    0,
  );
  const scripts = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    scripts.push({ src, bytes: body.length, gzipBytes: gzipSync(body).length });
  }
  return {
    status: page.status,
    scripts,
    totalGzipBytes: scripts.reduce((a, s) => a + s.gzipBytes, 0),
    inlineBytes,
    // Works without JavaScript: a plain form that posts to the decision endpoint.
    plainFormPost:
      /<form[^>]*method="post"[^>]*action="\/oauth2\/decision"|<form[^>]*action="\/oauth2\/decision"[^>]*method="post"/i.test(
        html,
      ),
  };
}

export type DeleteTiming = {
  clientId: string;
  tokens: number;
  status: number;
  ms: number;
  tokenRejectedAfter: boolean;
};

/**
 * Delete Application over the console API (DELETE /api/v1/third-party-apps/:applicationId, as the button
 * does) for an installation with `tokens` access tokens; then one of them must be refused by userinfo.
 */
export async function timeDeleteApplication(
  origin: string,
  cookie: string,
  clientId: string,
  tokens: number,
  sampleToken: string,
): Promise<DeleteTiming> {
  const before = await fetch(`${origin}/oauth2/userinfo`, { headers: { authorization: `Bearer ${sampleToken}` } });
  if (before.status !== 200) throw new Error(`delete target token not live before the delete: ${before.status}`);
  const t = performance.now();
  const res = await fetch(`${origin}/api/v1/third-party-apps/${clientId}`, {
    method: "DELETE",
    headers: { cookie, origin },
  });
  const ms = Math.round((performance.now() - t) * 10) / 10;
  const after = await fetch(`${origin}/oauth2/userinfo`, { headers: { authorization: `Bearer ${sampleToken}` } });
  return { clientId, tokens, status: res.status, ms, tokenRejectedAfter: after.status === 401 };
}
