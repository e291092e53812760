import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: Request) => Promise<Response>;
export type Routes = Record<string, Partial<Record<"GET" | "POST", Handler>>>;

/**
 * Serves plain Web handlers from node:http on 127.0.0.1 and a free port, the way any server
 * outside Next.js could mount lib/oauth (IncomingMessage → Request, Response → ServerResponse).
 */
export async function serveHandlers(routes: Routes): Promise<{ url: string; close: () => Promise<void> }> {
  let base = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const response = await dispatch(routes, base, req);
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch {
        res.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))) };
}

async function dispatch(routes: Routes, base: string, req: IncomingMessage): Promise<Response> {
  const url = new URL(req.url ?? "/", base);
  const handler = routes[url.pathname]?.[req.method as "GET" | "POST"];
  if (!handler) return new Response(null, { status: routes[url.pathname] ? 405 : 404 });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return handler(new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }));
}
