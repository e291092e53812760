import { signInEndpoint } from "@/lib/auth/sign-in";

/** The console sign-in form posts here (lib/auth/sign-in.ts). */
export function POST(request: Request): Promise<Response> {
  return signInEndpoint(request);
}
