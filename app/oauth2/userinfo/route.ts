import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";

export const GET = userinfoEndpoint;
export const POST = userinfoEndpoint;
