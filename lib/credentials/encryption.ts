import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// AES-256-GCM with keys from CREDENTIALS_ENCRYPTION_KEYS (comma-separated, base64, 32 bytes each). The first key
// encrypts; every listed key decrypts, found by the version stored beside the ciphertext. Rotation: put the new
// key first, re-encrypt (lib/credentials/rotate-credentials.ts), then drop the old one.

type Key = { version: number; bytes: Buffer };

export function encryptionKeys(raw = env().CREDENTIALS_ENCRYPTION_KEYS): Key[] {
  const keys = raw.split(",").map((part) => part.trim()).filter(Boolean);
  return keys.map((b64, index) => {
    const bytes = Buffer.from(b64, "base64");
    if (bytes.length !== 32) throw new Error("CREDENTIALS_ENCRYPTION_KEYS: every key must be 32 bytes, base64-encoded");
    // Versions count from the oldest (last listed) key, so adding a new key in front never renumbers old ones.
    return { version: keys.length - index, bytes };
  });
}

export function encryptSecret(plaintext: string, keys = encryptionKeys()): { encrypted: string; keyVersion: number } {
  const key = keys[0];
  if (!key) throw new Error("No credentials encryption key configured");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const encrypted = Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
  return { encrypted, keyVersion: key.version };
}

export function decryptSecret(options: { encrypted: string; keyVersion: number }, keys = encryptionKeys()): string {
  const key = keys.find((k) => k.version === options.keyVersion);
  if (!key) throw new Error(`Credential was encrypted with key version ${options.keyVersion}, which is no longer configured`);
  const raw = Buffer.from(options.encrypted, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
