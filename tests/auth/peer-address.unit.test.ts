import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

/** The server process, not the client, says where a request came from (the sign-in throttle's address). */
describe("the peer address header", () => {
  let server: http.Server;
  let seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    installPeerAddressHeader();
    server = http.createServer((req, res) => {
      seen.push({ ...req.headers });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("is the socket's address on every request, whatever the client sent under that name or in X-Forwarded-For", async () => {
    seen = [];
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" },
    });
    await fetch(`http://127.0.0.1:${port}/`);
    expect(seen.map((h) => h[PEER_ADDRESS_HEADER])).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
