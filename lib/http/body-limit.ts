/** Request bodies are read against a limit; past it, reading stops and the caller answers 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super("The request body is too large.");
    this.name = "BodyTooLargeError";
  }
}

/** 1 MiB: the console JSON API. */
export const API_BODY_LIMIT = 1024 * 1024;

/**
 * The body's bytes, at most `limit`. A declared Content-Length above the limit is refused before
 * anything is read; a body that streams past it is cancelled there (never buffered whole).
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** readBodyBytes as UTF-8 text. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  return (await readBodyBytes(request, limit)).toString("utf8");
}

/** readBodyText, with null for a body over the limit (for handlers that answer with a page). */
export function readBodyTextOrNull(request: Request, limit: number): Promise<string | null> {
  return readBodyText(request, limit).catch((error: unknown) => {
    if (error instanceof BodyTooLargeError) return null;
    throw error;
  });
}
