import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError } from "@/lib/http/body-limit";

/** Protocol requests are small forms (lib/oauth/form-body.ts refuses more than 16 KiB itself). */
export const MAX_BODY_BYTES = 64 * 1024;

const NO_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The body as it arrives from the socket, refused with BodyTooLargeError as soon as it passes
 * `limit` bytes (a declared Content-Length above it is refused before reading anything).
 * undefined = no body (GET, or an empty POST).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  if (NO_BODY.has(req.method ?? "GET")) return Promise.resolve(undefined);
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(new BodyTooLargeError(limit));
  if (declared === "0") return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(size === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * A Web Request for the handlers. The URL is built on the configured issuer's origin, never on the
 * Host header, so that what the handlers derive from it (and `iss`) is the configured issuer.
 */
export function toRequest(req: IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  // A view, not a copy (Buffer's type is wider than BodyInit's only in its buffer's type).
  const init = body && (new Uint8Array(body.buffer, body.byteOffset, body.length) as Uint8Array<ArrayBuffer>);
  return new Request(origin + pathAndQuery(req.url), { method: req.method, headers, body: init });
}

/** The path and query of the request target; an absolute-form target keeps only those. */
export function pathAndQuery(target: string | undefined): string {
  if (!target || target[0] !== "/" || target.startsWith("//")) {
    try {
      const u = new URL(target ?? "/", "http://invalid");
      return u.pathname + u.search;
    } catch {
      return "/";
    }
  }
  return target;
}

/** Writes a Web Response: status, headers (each Set-Cookie on its own), and the body in one write. */
export async function sendResponse(res: ServerResponse, response: Response, headOnly = false): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (response.body === null) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers).end(headOnly ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      "cache-control": "no-store",
      ...extra,
    })
    .end(text);
}
