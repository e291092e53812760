/**
 * The bench's reference: `oidc-provider` (panva) with its default in-memory adapter, issuing
 * client_credentials access tokens on its own node:http server. Run by bench/run.ts as a
 * child process: PORT, REFERENCE_CLIENT_SECRET.
 */
import { createServer } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

const port = Number(process.env.PORT ?? 3373);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "bench-reference",
      client_secret: process.env.REFERENCE_CLIENT_SECRET ?? "bench-reference-secret",
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
  ttl: { ClientCredentials: 600 },
  jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "bench" }] },
});
const server = createServer(provider.callback());
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`reference oidc-provider on ${issuer}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
