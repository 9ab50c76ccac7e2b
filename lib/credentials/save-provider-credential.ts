import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { encryptSecret } from "@/lib/credentials/encryption";
import { checkProviderCredential } from "@/lib/credentials/check-provider-credential";
import { PROVIDER_SECRET_SCHEMAS, secretLast4, type ProviderSecrets } from "@/lib/credentials/provider-secrets";
import type { ProviderId } from "@/lib/kling/providers";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/**
 * Stores a team's own key for a provider: validated, checked against the provider, then encrypted at rest with the
 * current credentials key. Replaces the team's previous key for that provider. Returns the row without the secret.
 */
export async function saveProviderCredential(options: { access: TeamAccess; provider: ProviderId; secrets: unknown }) {
  const { access, provider } = options;
  const secrets = PROVIDER_SECRET_SCHEMAS[provider].parse(options.secrets) as ProviderSecrets[typeof provider];
  const { checkedAt } = await checkProviderCredential({ provider, secrets });
  const { encrypted, keyVersion } = encryptSecret(JSON.stringify(secrets));
  const last4 = secretLast4(provider, secrets);
  return db.$transaction(async (tx) => {
    const row = await tx.providerCredential.upsert({
      where: { teamId_provider: { teamId: access.teamId, provider } },
      create: { id: createId("credential"), teamId: access.teamId, provider, encrypted, keyVersion, last4, checkedAt, createdById: access.actorUserId },
      update: { encrypted, keyVersion, last4, checkedAt, createdById: access.actorUserId },
      select: { id: true, provider: true, last4: true, checkedAt: true, updatedAt: true },
    });
    await recordAuditEvent({ tx, action: "credential.saved", teamId: access.teamId, ...actorOf(access), targetType: "credential", targetId: row.id, metadata: { provider, last4 } });
    return row;
  });
}
