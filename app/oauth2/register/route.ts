import { registrationEndpoint } from "@/lib/oauth/registration-endpoint";

export const POST = registrationEndpoint;
