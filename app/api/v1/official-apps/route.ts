import { apiRoute } from "@/lib/api/handler";
import { readOfficialCatalog } from "@/lib/apps/reads";

/** The official applications, each marked installed or not in the caller's account. */
export const GET = apiRoute(async ({ actor }) => {
  return { items: await readOfficialCatalog({ actor: actor }) };
});
