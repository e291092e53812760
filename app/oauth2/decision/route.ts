import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";

export const POST = consentDecisionEndpoint;
