/**
 * `npm run keys:rotate`: retires the active ID-token signing key (it stays in the JWKS until the
 * ID tokens it signed have expired) and makes a new one active. Running servers pick the new key up
 * within 60 s. With the embedded PGlite database, stop the server first (one process per folder).
 */
import { getHandle } from "@/db/client";
import { rotateSigningKey } from "@/lib/oauth/keys";

const handle = await getHandle();
try {
  const { kid, retired } = await rotateSigningKey(handle.db);
  console.log(JSON.stringify({ active_kid: kid, retired_kids: retired }));
} finally {
  await handle.close();
}
