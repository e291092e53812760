import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";

export const POST = introspectionEndpoint;
