import { getHandle } from "./client";
import { seed } from "./seed";

const handle = await getHandle();
await seed(handle.db);
await handle.close();
console.log(`Demo data is in place (${handle.kind}).`);
