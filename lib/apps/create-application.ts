import { getDb } from "@/db/client";
import { appScopes, applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { getApplication } from "./app-queries";
import { createApplicationSchema, type CreateApplicationInput } from "./app-schemas";
import { newClientId } from "./client-id";
import { isPublicClient } from "./clients";
import { insertSecret } from "./insert-secret";
import { DEFAULT_SCOPE } from "./scope-catalog";

/**
 * Registers an OAuth application of the actor's account. WebApp and ServerApp get a client secret,
 * returned here once (`clientSecret`) and stored only as a hash; a NativeApp is a public client
 * without one (RFC 8252 §8.5). `openid` is always declared, and required.
 */
export async function createApplication({ actor, input }: { actor: Principal; input: CreateApplicationInput }) {
  const data = createApplicationSchema.parse(input);
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const scopes = data.scopes.some((s) => s.scope === DEFAULT_SCOPE)
      ? data.scopes
      : [{ scope: DEFAULT_SCOPE, required: true }, ...data.scopes];
    let app: { id: string; clientId: string } | undefined;
    // A clash of two random 19-digit IDs is unlikely; the unique index decides, and we draw again.
    for (let attempt = 0; attempt < 5 && !app; attempt++) {
      [app] = await tx
        .insert(applications)
        .values({
          clientId: newClientId(),
          accountId: actor.accountId,
          name: data.name,
          type: data.type,
          redirectUris: data.redirectUris,
          description: data.description,
          logoUrl: data.logoUrl,
          homepageUrl: data.homepageUrl,
          accessTokenValidity: data.accessTokenValidity,
          refreshTokenValidity: data.refreshTokenValidity,
          thirdParty: data.thirdParty,
          oauthVersion: data.oauthVersion,
        })
        .onConflictDoNothing({ target: applications.clientId })
        .returning({ id: applications.id, clientId: applications.clientId });
    }
    if (!app) throw new Error("Could not allocate a unique App ID.");
    await tx
      .insert(appScopes)
      .values(scopes.map((s) => ({ applicationId: app.id, scope: s.scope, required: s.required })));
    // OAuth 2.1 applications are public clients: PKCE instead of a secret (lib/apps/clients.ts isPublicClient).
    const secret = isPublicClient(data) ? null : await insertSecret(tx, app.id);
    await recordAudit(tx, actor, {
      action: "CreateApplication",
      targetType: "application",
      targetId: app.clientId,
      detail: {
        name: data.name,
        type: data.type,
        oauthVersion: data.oauthVersion,
        thirdParty: data.thirdParty,
        redirectUris: data.redirectUris,
        scopes,
        secretPrefix: secret?.prefix ?? null,
      },
    });
    return { clientId: app.clientId, clientSecret: secret?.secret ?? null };
  });
  const app = await getApplication(db, actor.accountId, created.clientId);
  return { clientId: created.clientId, clientSecret: created.clientSecret, app: app! };
}
