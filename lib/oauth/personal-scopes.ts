import type { ClientRecord } from "@/lib/apps/clients";
import type { PersonalConsent } from "@/lib/apps/official-access";
import type { ScopeOffer } from "./consent-scopes";
import { parseScope } from "./scope";

/**
 * What a person's consent to an official application offers (the seed: assigned users complete
 * "the same authorization and installation process"): the application's required scope, locked,
 * and as switches (off by default) the optional items this request asks for that the
 * installation granted and no earlier consent of this person already offered. Never more than the
 * installation granted. `requested` undefined: everything the installation grants.
 */
export function personalOffer(
  client: Pick<ClientRecord, "scopes">,
  installed: readonly string[],
  requested: string | undefined,
  consent: PersonalConsent | null,
): ScopeOffer {
  const granted = new Set(installed);
  const asked = requested === undefined ? granted : new Set(parseScope(requested));
  const offeredBefore = new Set(consent ? (consent.offeredScopes ?? installed) : []);
  const ofInstallation = client.scopes.filter((s) => granted.has(s.scope));
  return {
    required: ofInstallation.filter((s) => s.required).map((s) => s.scope),
    optional: ofInstallation
      .filter((s) => !s.required && asked.has(s.scope) && !offeredBefore.has(s.scope))
      .map((s) => s.scope),
  };
}

/** What the person chose, as far as the installation still grants it (a row from before the choice: all of it). */
export function consentedScopes(consent: PersonalConsent, installed: readonly string[]): string[] {
  const chosen = new Set(consent.scopes ?? installed);
  return installed.filter((s) => chosen.has(s));
}

/** A consent is needed when there is none, when a new optional item is asked for, or a required item was never chosen. */
export function needsPersonalConsent(
  offer: ScopeOffer,
  consent: PersonalConsent | null,
  installed: readonly string[],
): boolean {
  if (!consent || offer.optional.length > 0) return true;
  const chosen = new Set(consentedScopes(consent, installed));
  return offer.required.some((s) => !chosen.has(s));
}

/** The consent to keep after this screen: the earlier choice plus what was granted now; everything offered so far. */
export function mergeConsent(
  consent: PersonalConsent | null,
  offer: ScopeOffer,
  granted: string[],
  installed: readonly string[],
): { scopes: string[]; offeredScopes: string[] } {
  const before = consent ? consentedScopes(consent, installed) : [];
  const offeredBefore = consent ? (consent.offeredScopes ?? installed) : [];
  return {
    scopes: [...new Set([...before, ...granted])],
    offeredScopes: [...new Set([...offeredBefore, ...offer.required, ...offer.optional])],
  };
}
