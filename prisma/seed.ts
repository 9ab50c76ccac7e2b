// `npm run db:seed` - the demo team, project and owner account on an empty database.
import "dotenv/config";
import { disconnectDb } from "@/lib/db";
import { DEMO_OWNER, seedDemo } from "@/prisma/demo-data";

const seeded = await seedDemo();
console.info(seeded ? `Seeded demo team. Sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}` : "Database already has users; nothing seeded.");
await disconnectDb();
