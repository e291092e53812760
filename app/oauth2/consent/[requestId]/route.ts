import { consentPageEndpoint } from "@/lib/oauth/consent-page";

export const GET = consentPageEndpoint;
