-- A generation's submit claim becomes exclusive, so the process that created a generation can send it to its provider
-- at once while its queued submit job stays behind as the backstop (lib/generations/start-first-submit.ts), and no two
-- attempts ever both send it. The claim is the generation's "submittedAt" while it is still queued.
--   * The caller passes the claim's time: it is the claim's identity, so a release can be a compare-and-swap that only
--     gives back the claim the caller saw (lib/generations/release-submit-claim.ts).
--   * A generation that is gone, has left the queue or is claimed already answers NULL, not FALSE: FALSE keeps
--     meaning "the credential is full, try again shortly"; NULL means "not yours to send".
-- The slot counting is unchanged from 20261123234000_claim_provider_slot.
DROP FUNCTION claim_provider_slot(TEXT, TEXT, INTEGER);

CREATE FUNCTION claim_provider_slot(
  p_generation_id TEXT,
  p_credential_id TEXT,
  p_limit INTEGER,
  p_claimed_at TIMESTAMP
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
    RETURN NULL;
  END IF;

  PERFORM pg_advisory_xact_lock(hashtext('slots:' || v_provider::TEXT || ':' || COALESCE(p_credential_id, 'server')));

  -- A fresh snapshot after the lock: a claim committed by another attempt meanwhile is seen here.
  PERFORM 1 FROM "Generation" WHERE id = p_generation_id AND status = 'queued' AND "submittedAt" IS NULL;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  SELECT COALESCE(SUM(CASE WHEN v_provider = 'kling' THEN "numImages" ELSE 1 END), 0) INTO v_used
  FROM "Generation"
  WHERE provider = v_provider
    AND "providerCredentialId" IS NOT DISTINCT FROM p_credential_id
    AND id <> p_generation_id
    AND (status IN ('submitted', 'running') OR (status = 'queued' AND "submittedAt" IS NOT NULL));

  IF v_used > 0 AND v_used + v_mine > p_limit THEN
    RETURN FALSE;
  END IF;

  -- The conditions again, in the update itself: a cancel may have landed since the check above.
  UPDATE "Generation"
  SET "submittedAt" = p_claimed_at, "providerCredentialId" = p_credential_id, "updatedAt" = p_claimed_at
  WHERE id = p_generation_id AND status = 'queued' AND "submittedAt" IS NULL;
  IF FOUND THEN
    RETURN TRUE;
  END IF;
  RETURN NULL;
END
$$;
