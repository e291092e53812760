import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the environment is read on first use, never at import.
async function handler(request: Request, ctx: Ctx) {
  return NextAuth(request as never, ctx as never, getAuthOptions());
}

export { handler as GET, handler as POST };
