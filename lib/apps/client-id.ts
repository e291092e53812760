import { randomInt } from "node:crypto";

/** A new App ID (client_id): 19 digits starting with 4, like RAM's application IDs. Uniqueness is the caller's retry. */
export function newClientId(): string {
  let digits = "4";
  // randomInt's range is below 2^48: take the 18 random digits in three draws of six.
  for (let i = 0; i < 3; i++) digits += String(randomInt(0, 1_000_000)).padStart(6, "0");
  return digits;
}
