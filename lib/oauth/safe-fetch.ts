import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { BlockList, isIP } from "node:net";
import { rootCertificates } from "node:tls";
import { getEnv } from "@/lib/env";

/** Addresses a document URL may never reach (SSRF): loopback, private, link-local, CGNAT, unspecified, multicast. */
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, bits, "ipv6");

export function isPublicAddress(input: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is checked as the IPv4 address it is.
  const address = input.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const family = isIP(address);
  return family !== 0 && !blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type FetchedDocument = { status: number; body: string; cacheControl: string | null };
export const DOCUMENT_LIMITS = { bytes: 64 * 1024, timeoutMs: 5_000 } as const;

/**
 * GET of a Client ID Metadata Document with SSRF protection: https only, no redirects, every
 * resolved address checked where the connection is made (so DNS rebinding cannot swap it), at most
 * 64 KiB and 5 s. Hosts in CLIENT_METADATA_ALLOWED_HOSTS skip the address check (a local test).
 */
// The extra CA of CLIENT_METADATA_CA_FILE, read once per file rather than on every fetch.
const caByFile = new Map<string, string[]>();
function trustedWith(file: string): string[] {
  let ca = caByFile.get(file);
  if (!ca) caByFile.set(file, (ca = [...rootCertificates, readFileSync(file, "utf8")]));
  return ca;
}

export function fetchDocument(url: URL): Promise<FetchedDocument> {
  const env = getEnv();
  if (url.protocol !== "https:") return Promise.reject(new Error("only https"));
  const allowed = env.clientMetadataAllowedHosts.includes(url.hostname.toLowerCase());
  const literal = url.hostname.replace(/^\[|\]$/g, ""); // an IPv6 literal without its brackets
  if (isIP(literal) && !allowed && !isPublicAddress(literal)) return Promise.reject(new Error("address not allowed"));
  const ca = env.clientMetadataCaFile ? trustedWith(env.clientMetadataCaFile) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "GET",
        headers: { accept: "application/json" },
        timeout: DOCUMENT_LIMITS.timeoutMs,
        ca,
        lookup: (host, options, callback) =>
          dnsLookup(host, { ...options, all: true }, (error, addresses) => {
            const list = addresses as unknown as LookupAddress[];
            if (error) return callback(error, "", 4);
            const bad = list.find((a) => !allowed && !isPublicAddress(a.address));
            if (bad) return callback(new Error("address not allowed"), "", 4);
            if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
            callback(null, list[0]!.address, list[0]!.family);
          }),
      },
      (res) => {
        let size = 0;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > DOCUMENT_LIMITS.bytes) req.destroy(new Error("document too large"));
          else chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            cacheControl: res.headers["cache-control"] ?? null,
          }),
        );
        res.on("error", reject);
      },
    );
    // The whole exchange, not only an idle socket, ends after the time limit.
    const deadline = setTimeout(() => req.destroy(new Error("timed out")), DOCUMENT_LIMITS.timeoutMs);
    req.on("close", () => clearTimeout(deadline));
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end();
  });
}
