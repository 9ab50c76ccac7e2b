import { randomBytes } from "node:crypto";
import { encryptSecret } from "@/lib/credentials/encryption";

/** A fresh signing secret (`whsec_` + 32 random bytes, base64url) and its ciphertext for SpendAlertSettings. */
export function newWebhookSecret() {
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const { encrypted, keyVersion } = encryptSecret(secret);
  return { secret, stored: { webhookSecretEncrypted: encrypted, webhookSecretKeyVersion: keyVersion } };
}
