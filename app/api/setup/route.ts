import { setupEndpoint } from "@/lib/setup/setup-endpoint";

/** The first-run form's POST (app/(auth)/setup). */
export const POST = setupEndpoint;
