import http from "node:http";

/**
 * The header that carries the TCP peer address of a request to the route handlers. Next.js gives a
 * route handler no socket: `next start` only fills `x-forwarded-for` from the socket when the
 * client sent none (base-server.js, `??=`), so without a proxy that header is the client's own
 * words. This header is set by the server process itself, from the socket, on every request, and
 * any value a client sent under the same name is overwritten.
 */
export const PEER_ADDRESS_HEADER = "x-ram-peer-address";

let installed = false;

/**
 * Installs the hook that writes PEER_ADDRESS_HEADER on every request an `http.Server` of this
 * process receives (instrumentation.ts, at start, before `next start` serves a request).
 */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      setPeerAddress(req.headers, req.socket?.remoteAddress);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** Replaces whatever the client sent under PEER_ADDRESS_HEADER with the socket's address (or nothing). */
export function setPeerAddress(headers: http.IncomingHttpHeaders, remoteAddress: string | undefined): void {
  if (remoteAddress) headers[PEER_ADDRESS_HEADER] = remoteAddress;
  else delete headers[PEER_ADDRESS_HEADER];
}
