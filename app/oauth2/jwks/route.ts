import { jwksEndpoint } from "@/lib/oauth/jwks-endpoint";

export const GET = jwksEndpoint;
