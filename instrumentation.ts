/**
 * Called once per Next.js server process at start (`next start`, `next dev`), not by `next build`.
 * Starts the sweeper of expired state; it opens the database lazily at its first tick, and puts
 * the socket's peer address on every request (lib/http/peer-address.ts, the sign-in throttle).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/http/peer-address");
  installPeerAddressHeader();
  // Belt and braces: nothing that may touch the database runs while a build collects pages.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSweeper } = await import("./lib/sweep/start-sweeper");
  startSweeper();
}
