import { getHandle } from "./client";

// Opening the database applies the committed migrations.
const handle = await getHandle();
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
