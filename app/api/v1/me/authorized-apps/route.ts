import { apiRoute } from "@/lib/api/handler";
import { readOwnAuthorizedApps } from "@/lib/apps/governance-reads";

/** My authorized applications: those the caller uses in their account (any signed-in person, for themselves). */
export const GET = apiRoute(async ({ actor }) => ({ items: await readOwnAuthorizedApps({ actor }) }));
