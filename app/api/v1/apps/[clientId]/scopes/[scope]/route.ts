import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { setScopeRequiredSchema } from "@/lib/apps/app-schemas";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { setScopeRequired } from "@/lib/apps/set-scope-required";
import { notFound } from "@/lib/errors";

type P = { clientId: string; scope: string };

/** Scopes such as `/acs/ram` hold slashes, so clients send the segment URL-encoded (`%2Facs%2Fram`). */
function scopeOf(raw: string): string {
  try {
    return raw.includes("%") ? decodeURIComponent(raw) : raw;
  } catch {
    throw notFound({ key: "apiErrors.apps.noSuchScopeSegment" });
  }
}

/** Set as Required / Cancel Required: `{ required }`. */
export const PATCH = apiRoute<P>(async ({ request, actor, params }) =>
  setScopeRequired({
    actor: actor,
    clientId: params.clientId,
    scope: scopeOf(params.scope),
    input: await parseJson(request, setScopeRequiredSchema),
  }),
);

export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await deleteAppScope({ actor: actor, clientId: params.clientId, scope: scopeOf(params.scope) });
});
