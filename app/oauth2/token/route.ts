import { tokenEndpoint } from "@/lib/oauth/token-endpoint";

export const POST = tokenEndpoint;
