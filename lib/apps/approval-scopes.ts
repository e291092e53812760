import { AppError } from "@/lib/errors";

type Declared = { scope: string; required: boolean }[];

/** What Approve offers, as the consent screen would: the app's required scope (locked) and the optional items that were asked for. */
export type ApprovalOffer = { required: string[]; optional: string[] };

/** The offer of a request, against the application's scopes as declared now (an item it no longer declares is gone). */
export function approvalOffer(declared: Declared, asked: readonly string[]): ApprovalOffer {
  const wanted = new Set(asked);
  return {
    required: declared.filter((s) => s.required).map((s) => s.scope),
    optional: declared.filter((s) => !s.required && wanted.has(s.scope)).map((s) => s.scope),
  };
}

/**
 * The scope Approve installs: every required item, whatever was sent (rule 2: it cannot be
 * dropped), and the optional items chosen (all that were asked for when `chosen` is absent).
 * An item outside the offer is refused (422), so nothing the app did not declare and nobody
 * asked for is installed.
 */
export function approvedScopes(offer: ApprovalOffer, chosen: readonly string[] | undefined): string[] {
  if (chosen === undefined) return [...offer.required, ...offer.optional];
  const extra = chosen.filter((s) => !offer.required.includes(s) && !offer.optional.includes(s));
  if (extra.length)
    throw new AppError("invalid_input", {
      key: "approvals.errors.scopeNotOffered",
      values: { scopes: extra.join(", ") },
    });
  return [...offer.required, ...offer.optional.filter((s) => chosen.includes(s))];
}

/** The scopes a requester asked for, as the application declares them; its required scope always included. */
export function askedScopes(declared: Declared, requested: readonly string[]): string[] {
  const wanted = new Set(requested);
  return declared.filter((s) => s.required || wanted.has(s.scope)).map((s) => s.scope);
}
