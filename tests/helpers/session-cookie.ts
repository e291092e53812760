import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { createConsoleSession } from "@/lib/auth/console-session";
import { getEnv } from "@/lib/env";
import type { Principal } from "@/lib/ram/principal";
import { consoleSessions } from "@/db/schema";
import { eq } from "drizzle-orm";

/** A real console session for a principal, as the cookie header a browser would send. */
export async function sessionCookieFor(db: Db, p: Principal): Promise<{ cookie: string; sid: string }> {
  const sid = await createConsoleSession(db, { accountId: p.accountId, userId: p.userId });
  if (p.kind === "role") await db.update(consoleSessions).set({ roleId: p.roleId }).where(eq(consoleSessions.id, sid));
  const token = await encode({ token: { sid }, secret: getEnv().authSecret });
  return { cookie: `next-auth.session-token=${token}`, sid };
}
