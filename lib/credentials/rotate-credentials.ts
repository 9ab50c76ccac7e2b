import { db } from "@/lib/db";
import { decryptSecret, encryptSecret, encryptionKeys } from "@/lib/credentials/encryption";

/**
 * Re-encrypts every stored provider key with the first (newest) CREDENTIALS_ENCRYPTION_KEYS key, so the old key can
 * then be dropped from the list. Safe to re-run and to run beside the app: each row is rewritten only if nobody
 * changed it meanwhile (compare-and-set on its ciphertext), and rows already on the newest key are skipped.
 */
export async function rotateCredentials(options: { keys?: ReturnType<typeof encryptionKeys>; batchSize?: number } = {}) {
  const keys = options.keys ?? encryptionKeys();
  const newest = keys[0];
  if (!newest) throw new Error("No credentials encryption key configured");
  const batchSize = options.batchSize ?? 100;
  let rotated = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.providerCredential.findMany({
      where: { keyVersion: { not: newest.version }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, encrypted: true, keyVersion: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const plaintext = decryptSecret(row, keys);
      const next = encryptSecret(plaintext, keys);
      const { count } = await db.providerCredential.updateMany({
        where: { id: row.id, encrypted: row.encrypted, keyVersion: row.keyVersion },
        data: next,
      });
      rotated += count;
    }
    cursor = rows[rows.length - 1]!.id;
  }
  const remaining = await db.providerCredential.count({ where: { keyVersion: { not: newest.version } } });
  return { rotated, remaining, keyVersion: newest.version };
}
