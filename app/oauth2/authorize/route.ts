import { authorizeEndpoint } from "@/lib/oauth/authorize";

export const GET = authorizeEndpoint;
export const POST = authorizeEndpoint;
