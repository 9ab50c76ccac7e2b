-- Takes one of a provider credential's in-flight slots for a queued generation: the whole check-and-claim of
-- lib/generations/claim-provider-slot.ts in one round trip instead of a five-statement transaction (BENCHMARKS.md,
-- submit overhead). Every worker calls it; the transaction advisory lock per credential serialises them, and in a
-- VOLATILE plpgsql function each statement takes a fresh snapshot, so the count sees every claim committed before
-- the lock was granted. Kling counts images against its limit, the others count jobs. An empty credential always
-- admits one job, even one larger than the limit, so nothing waits forever. Returns whether this call claimed it.
CREATE FUNCTION claim_provider_slot(
  p_generation_id TEXT,
  p_credential_id TEXT,
  p_limit INTEGER
) RETURNS BOOLEAN
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_provider "Provider";
  v_mine INTEGER;
  v_used INTEGER;
BEGIN
  SELECT provider, CASE WHEN provider = 'kling' THEN "numImages" ELSE 1 END INTO v_provider, v_mine
  FROM "Generation" WHERE id = p_generation_id;
  IF NOT FOUND THEN
    RETURN FALSE;
  END IF;

  PERFORM pg_advisory_xact_lock(hashtext('slots:' || v_provider::TEXT || ':' || COALESCE(p_credential_id, 'server')));

  SELECT COALESCE(SUM(CASE WHEN v_provider = 'kling' THEN "numImages" ELSE 1 END), 0) INTO v_used
  FROM "Generation"
  WHERE provider = v_provider
    AND "providerCredentialId" IS NOT DISTINCT FROM p_credential_id
    AND id <> p_generation_id
    AND (status IN ('submitted', 'running') OR (status = 'queued' AND "submittedAt" IS NOT NULL));

  IF v_used > 0 AND v_used + v_mine > p_limit THEN
    RETURN FALSE;
  END IF;

  -- Columns are timestamp without time zone holding UTC, as Prisma writes them.
  UPDATE "Generation"
  SET "submittedAt" = now() AT TIME ZONE 'UTC', "providerCredentialId" = p_credential_id, "updatedAt" = now() AT TIME ZONE 'UTC'
  WHERE id = p_generation_id AND status = 'queued';
  RETURN FOUND;
END
$$;
