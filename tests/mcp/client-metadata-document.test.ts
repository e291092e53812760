import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { createAssignments } from "@/lib/apps/create-assignments";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { cacheSeconds } from "@/lib/oauth/client-metadata-document";
import { fetchDocument, isPublicAddress } from "@/lib/oauth/safe-fetch";
import { setupSeededDatabase } from "../fixtures/db";
import * as host from "../fixtures/mcp-fixtures";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";

const db = setupSeededDatabase();
const MCP = "4000000000000000001"; // OpenAPI MCP Server
const REDIRECT = "http://127.0.0.1:33419/callback";
let server: Server;
let docUrl = "";
let served = 0;

/**
 * A local https server serves the document: its self-signed certificate is trusted and 127.0.0.1
 * allow-listed through the two settings meant for exactly this (lib/env.ts).
 */
function localTls() {
  const dir = mkdtempSync(path.join(tmpdir(), "cimd-"));
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  const subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"];
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", ...subject],
    {
      stdio: "ignore",
    },
  );
  process.env.CLIENT_METADATA_ALLOWED_HOSTS = "127.0.0.1";
  process.env.CLIENT_METADATA_CA_FILE = cert;
  resetEnvForTests();
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

beforeAll(async () => {
  server = createServer(localTls(), (req, res) => {
    served += 1;
    const body = {
      ...host.hostMetadata(REDIRECT, "Metadata Doc Host"),
      client_id: docUrl,
      client_uri: "https://host.example",
    };
    res.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=600" });
    res.end(JSON.stringify(req.url === "/client.json" ? body : { ...body, client_id: "https://other.example/x" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  docUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/client.json`;
  const admin = await principalOf(db().db, "admin@acme");
  const bob = await principalOf(db().db, "bob@acme");
  await provisionOfficialApp({ actor: admin, clientId: MCP, optionalScopes: [] });
  await createAssignments({
    actor: admin,
    clientId: MCP,
    assignees: [{ principalType: "user", principalId: bob.userId! }],
  });
});
afterAll(async () => {
  delete process.env.CLIENT_METADATA_ALLOWED_HOSTS;
  delete process.env.CLIENT_METADATA_CA_FILE;
  resetEnvForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe(`Client ID Metadata Documents on ${process.env.TEST_DB}`, () => {
  it("is advertised, and the SDK client connects with its document URL as client_id", async () => {
    const meta = await (await host.consoleFetch(`${host.ISSUER}/.well-known/oauth-authorization-server`)).json();
    expect(meta.client_id_metadata_document_supported).toBe(true);
    const provider = new host.TestProvider(REDIRECT, host.hostMetadata(REDIRECT), { clientMetadataUrl: docUrl });
    const url = await host.startConnect(provider);
    expect(url.searchParams.get("client_id")).toBe(docUrl);
    const bob = await principalOf(db().db, "bob@acme");
    const { cookie, sid } = await sessionCookieFor(db().db, bob);
    const consent = await host.consentInBrowser(url, cookie, sid);
    expect(consent.page).toContain("Metadata Doc Host");
    expect(consent.page).toContain("client ID metadata document");
    const client = await host.finishConnect(provider, consent.grant!.headers.get("location")!);
    expect((await client.callTool({ name: "whoami" })).isError).toBeFalsy();
    // Cached by its max-age: a second authorization does not fetch it again.
    const before = served;
    await host.startConnect(
      new host.TestProvider(REDIRECT, host.hostMetadata(REDIRECT), { clientMetadataUrl: docUrl }),
    );
    expect(served).toBe(before);
  });

  it("refuses a document that does not name itself", async () => {
    const provider = new host.TestProvider(REDIRECT, host.hostMetadata(REDIRECT), {
      clientMetadataUrl: docUrl.replace("client.json", "liar.json"),
    });
    const url = await host.startConnect(provider);
    const bob = await principalOf(db().db, "bob@acme");
    const { cookie, sid } = await sessionCookieFor(db().db, bob);
    const consent = await host.consentInBrowser(url, cookie, sid);
    expect(consent.grant).toBeNull();
    expect(consent.location).toBe("");
  });

  it("fetches with SSRF protection: https only, no private, loopback or link-local address", async () => {
    await expect(fetchDocument(new URL("http://host.example/c.json"))).rejects.toThrow("only https");
    for (const host of ["10.0.0.1", "169.254.169.254", "[::1]", "192.168.1.2"])
      await expect(fetchDocument(new URL(`https://${host}/c.json`))).rejects.toThrow("address not allowed");
    await expect(fetchDocument(new URL("https://localhost:1/c.json"))).rejects.toThrow("address not allowed");
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("::ffff:10.0.0.1")).toBe(false);
    expect([
      cacheSeconds("max-age=5"),
      cacheSeconds("no-store"),
      cacheSeconds(null),
      cacheSeconds("max-age=9999999"),
    ]).toEqual([60, 60, 3600, 86400]);
  });
});
