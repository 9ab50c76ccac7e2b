// Re-encrypts every team's stored provider keys with the first key in CREDENTIALS_ENCRYPTION_KEYS.
// Rotation: put a new key first (`NEW,OLD`), deploy, run this, then remove OLD from the list and deploy again.
//   npm run credentials:rotate        (reads DATABASE_URL and CREDENTIALS_ENCRYPTION_KEYS like the app; .env is loaded)
import "dotenv/config";
import { rotateCredentials } from "@/lib/credentials/rotate-credentials";
import { disconnectDb } from "@/lib/db";

try {
  const result = await rotateCredentials();
  console.info(`re-encrypted ${result.rotated} credential(s) with key version ${result.keyVersion}; ${result.remaining} left on older keys`);
  process.exitCode = result.remaining === 0 ? 0 : 1;
} catch (error) {
  console.error(`rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
