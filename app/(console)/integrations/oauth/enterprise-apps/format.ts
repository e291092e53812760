/** "2025-06-01 08:30:00 UTC": the same on the server and in every browser. */
export function formatTime(date: Date | string): string {
  return `${new Date(date).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}
