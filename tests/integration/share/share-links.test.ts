import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { loadProject } from "@/lib/projects/get-project-or-throw";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createShareLink } from "@/lib/share/create-share-link";
import { revokeShareLink } from "@/lib/share/revoke-share-link";
import type { CreateShareLinkInput } from "@/lib/share/share-link-schemas";
import { UNLOCK_LIMIT } from "@/lib/share/unlock-share-link";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { describeInterval, medianInterval, withinMargin } from "@/tests/helpers/paired-timing";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { referenceAsset } from "@/tests/helpers/pipeline";

// Issue 14 item 5's security Done-means, over HTTP against the running stack: a share link works signed out, stops
// after expiry or revoke, reaches nothing outside its own set (neighbouring ids, another team's, the API with the
// link's token), hides prompts unless enabled, refuses a wrong password exactly like a missing link (answer and
// timing), rate-limits password attempts, and counts views and downloads.

const appUrl = () => inject("appUrl");
let owner: Awaited<ReturnType<typeof memberOfNewTeam>>;
let shared: string[];
let neighbour: string;
let foreign: string;
let make: (input?: Partial<CreateShareLinkInput>, now?: Date) => Promise<{ token: string; id: string }>;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${appUrl()}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${appUrl()}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), redirect: "manual", signal: AbortSignal.timeout(60_000) });
const missingToken = () => randomBytes(32).toString("base64url");
const views = async (id: string) => (await db.shareLink.findUniqueOrThrow({ where: { id } })).viewCount;
const downloads = async (id: string) => (await db.shareLink.findUniqueOrThrow({ where: { id } })).downloadCount;

beforeAll(async () => {
  owner = await memberOfNewTeam("owner");
  const assets = await Promise.all([0, 1, 2, 3].map((i) => referenceAsset({ teamId: owner.team.id, projectId: owner.project.id, width: 64, height: 48, hue: 40 * i })));
  for (const [i, a] of assets.entries()) await db.asset.update({ where: { id: a.id }, data: { prompt: `SECRET-PROMPT-${i}-${a.id}` } });
  shared = assets.slice(0, 3).map((a) => a.id);
  neighbour = assets[3]!.id;
  const stranger = await memberOfNewTeam("owner");
  foreign = (await referenceAsset({ teamId: stranger.team.id, projectId: stranger.project.id, width: 32, height: 32 })).id;
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: owner.user.id }, teamId: owner.team.id, permission: "project.read" });
  const project = (await loadProject(owner.project.id))!;
  make = async (input = {}, now) => {
    const { link, token } = await createShareLink({
      access, project, now,
      input: { name: "For Acme", expiresInDays: 7, allowDownload: true, showPrompts: false, allowApprove: false, allowComment: false, assetIds: shared, ...input },
    });
    return { token, id: link.id };
  };
}, 120_000);

describe("client share links", { timeout: 240_000 }, () => {
  it("work signed out: the gallery, its images and only the token in the database", async () => {
    const { token, id } = await make();
    const page = await get(`/s/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("For Acme");
    for (const assetId of shared) expect(html).toContain(assetId);
    const image = await get(`/s/${token}/assets/${shared[0]}/image?size=large`);
    expect(image.status).toBe(302);
    const file = await fetch(image.headers.get("location")!);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    const row = await db.shareLink.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await views(id)).toBe(1);
  });

  it("never reach another asset: neighbours, another team's, unknown ids, and not the API with the link's token", async () => {
    const { token } = await make({ allowApprove: true, allowComment: true });
    const html = await (await get(`/s/${token}`)).text();
    expect(html).not.toContain(neighbour);
    expect(html).not.toContain(foreign);
    const unknown = `ast_${"0".repeat(26)}`;
    const answers = new Set<string>();
    for (const assetId of [neighbour, foreign, unknown]) {
      for (const res of [
        await get(`/s/${token}/assets/${assetId}/image?size=original`),
        await get(`/s/${token}/assets/${assetId}/download`),
        await post(`/s/${token}/assets/${assetId}/approval`, { name: "Mallory", status: "approved" }),
        await post(`/s/${token}/assets/${assetId}/comments`, { name: "Mallory", body: "hi" }),
      ]) {
        expect(res.status, assetId).toBe(404);
        answers.add(await res.text());
      }
    }
    // One answer for all: nothing says whether the id exists, or whose it is.
    expect(answers.size).toBe(1);
    expect(await db.asset.findUniqueOrThrow({ where: { id: neighbour } })).toMatchObject({ approvalStatus: "none" });
    expect(await db.assetComment.count({ where: { assetId: { in: [neighbour, foreign] } } })).toBe(0);
    // The token is no API key and no session.
    const credentials: Record<string, string>[] = [{ authorization: `Bearer ${token}` }, { cookie: `authjs.session-token=${token}` }];
    for (const headers of credentials) {
      for (const path of [`/api/v1/projects/${owner.project.id}/assets`, `/api/v1/assets/${shared[0]}`, `/api/v1/assets/${shared[0]}/image?size=small`, `/api/v1/me`]) {
        expect((await get(path, headers)).status, `${path} with ${Object.keys(headers)[0]}`).toBe(401);
      }
    }
  });

  it("hide prompts and recipes unless the link shows them", async () => {
    const hidden = await make();
    const shown = await make({ showPrompts: true });
    const hiddenHtml = await (await get(`/s/${hidden.token}`)).text();
    const shownHtml = await (await get(`/s/${shown.token}`)).text();
    expect(hiddenHtml).not.toContain("SECRET-PROMPT");
    expect(shownHtml).toContain(`SECRET-PROMPT-0-${shared[0]}`);
  });

  it("stop working after expiry and after revoke", async () => {
    const expired = await make({ expiresInDays: 1 }, new Date(Date.now() - 25 * 3600 * 1000));
    const revoked = await make();
    expect((await get(`/s/${revoked.token}`)).status).toBe(200);
    await revokeShareLink({ projectId: owner.project.id, shareLinkId: revoked.id });
    const missing = await get(`/s/${missingToken()}`);
    expect(missing.status).toBe(404);
    for (const { token } of [expired, revoked]) {
      expect((await get(`/s/${token}`)).status).toBe(404);
      const image = await get(`/s/${token}/assets/${shared[0]}/image?size=small`);
      expect(image.status).toBe(404);
      expect((await get(`/s/${token}/assets/${shared[0]}/download`)).status).toBe(404);
      expect((await post(`/s/${token}/unlock`, { password: "x" })).status).toBe(404);
    }
    expect(await downloads(revoked.id)).toBe(0);
  });

  it("refuse a wrong password with the same answer and timing as a missing link, then open with the right one", async () => {
    const { token, id } = await make({ password: "correct horse" });
    // Locked: the gate, and nothing of the set.
    const gate = await get(`/s/${token}`);
    expect(gate.status).toBe(200);
    const gateHtml = await gate.text();
    expect(gateHtml).toContain("This gallery is protected");
    for (const assetId of shared) expect(gateHtml).not.toContain(assetId);
    expect((await get(`/s/${token}/assets/${shared[0]}/image?size=small`)).status).toBe(404);
    expect(await views(id)).toBe(0);

    // Rounds of three requests in rotating order (each pair shares its moment's load; none is always first): a wrong
    // password for a protected link, a missing token, and a control that skips the work on purpose — the same route
    // refusing a non-JSON body before any lookup or verify. Protected links and missing tokens are used in lockstep,
    // ROUNDS / links.length times each (under the per-link rate limit), so the n-th guess at any token does the same
    // rate-limit write (insert, then updates), as it would for someone probing a token.
    const ROUNDS = 96;
    const PER_TOKEN = UNLOCK_LIMIT - 2;
    const links = [token];
    while (links.length < ROUNDS / PER_TOKEN) links.push((await make({ password: "other" })).token);
    const absent = links.map(() => missingToken());
    const bodies = new Set<string>();
    const timed = async (path: string, init: RequestInit, answers?: Set<string>) => {
      const start = performance.now();
      const res = await fetch(`${appUrl()}${path}`, { method: "POST", redirect: "manual", signal: AbortSignal.timeout(60_000), ...init });
      const text = await res.text();
      const ms = performance.now() - start;
      const headers = [...res.headers].filter(([k]) => k !== "date").map(([k, v]) => `${k}: ${v}`).sort().join("\n");
      answers?.add(`${res.status} ${headers}\n${text}`);
      return ms;
    };
    const guess = { headers: { "content-type": "application/json" }, body: JSON.stringify({ password: "wrong guess" }) };
    const notJson = { headers: { "content-type": "text/plain" }, body: "wrong guess" };
    // A malformed token and an expired link: the same answer too.
    await timed(`/s/${missingToken().slice(1)}/unlock`, guess, bodies);
    await timed(`/s/${(await make({ password: "x-expired", expiresInDays: 1 }, new Date(Date.now() - 25 * 3600 * 1000))).token}/unlock`, guess, bodies);
    const kinds = ["wrong", "missing", "control"] as const;
    const sample = { wrong: [] as number[], missing: [] as number[], control: [] as number[] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = kinds.map((_, i) => kinds[(i + r) % 3]!);
      if (Math.floor(r / 3) % 2) order.reverse();
      const slot = Math.floor(r / PER_TOKEN);
      for (const kind of order) {
        sample[kind].push(
          kind === "wrong" ? await timed(`/s/${links[slot]}/unlock`, guess, bodies)
            : kind === "missing" ? await timed(`/s/${absent[slot]}/unlock`, guess, bodies)
              : await timed(`/s/${absent[slot]}/unlock`, notJson),
        );
      }
    }
    expect([...bodies]).toHaveLength(1);
    expect([...bodies][0]).toMatch(/^404 [^]*\{"error":\{"code":"not_found"/);
    // The yardstick is what skipping the work saves, measured twice in this run under its load: on the server (the
    // control's median gap: the lookup and the verify) and here (one argon2 verify). The refusal gap's whole 95%
    // interval (tests/helpers/paired-timing.ts) must sit within half of it — a missing link that skipped the verify
    // would put the median near the whole of it.
    const verifyCost: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await verifyPassword(DUMMY_PASSWORD_HASH, "wrong guess");
      verifyCost.push(performance.now() - start);
    }
    const gap = medianInterval(sample.wrong.map((w, i) => w - sample.missing[i]!));
    const control = medianInterval(sample.wrong.map((w, i) => w - sample.control[i]!));
    const margin = Math.max(5, 0.5 * Math.max(control.median, medianInterval(verifyCost, 0.5).median));
    const report = `wrong − missing: ${describeInterval(gap)}; wrong − control: ${describeInterval(control)}; margin ±${margin.toFixed(1)} ms`;
    // The control must be told apart from the refusal at this load (its interval above zero and outside the margin),
    // or this run could not have seen a gap either.
    expect(control.low > 0 && !withinMargin(control, margin), report).toBe(true);
    expect(withinMargin(gap, margin), report).toBe(true);
    console.info(`[share timing] ${report}`);

    const right = await post(`/s/${token}/unlock`, { password: "correct horse" });
    expect(right.status).toBe(200);
    const cookie = right.headers.get("set-cookie")!.split(";")[0]!;
    expect(right.headers.get("set-cookie")).toMatch(new RegExp(`Path=/s/${token}`));
    expect(right.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const open = await get(`/s/${token}`, { cookie });
    const html = await open.text();
    expect(html).toContain(shared[0]);
    expect((await get(`/s/${token}/assets/${shared[0]}/image?size=small`, { cookie })).status).toBe(302);
    // The cookie of one link opens no other link.
    const other = await make({ password: "correct horse" });
    expect(await (await get(`/s/${other.token}`, { cookie })).text()).toContain("This gallery is protected");
  });

  it("rate-limit password attempts per link", async () => {
    const { token } = await make({ password: "right one" });
    for (let i = 0; i < UNLOCK_LIMIT; i++) expect((await post(`/s/${token}/unlock`, { password: `guess ${i}` })).status).toBe(404);
    const limited = await post(`/s/${token}/unlock`, { password: "right one" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("count views and downloads, and refuse downloads when they are off", async () => {
    const on = await make();
    const off = await make({ allowDownload: false });
    await get(`/s/${on.token}`);
    await get(`/s/${on.token}`);
    expect(await views(on.id)).toBe(2);
    const download = await get(`/s/${on.token}/assets/${shared[1]}/download`);
    expect(download.status).toBe(302);
    const location = download.headers.get("location")!;
    expect(decodeURIComponent(location)).toContain(`attachment; filename="${shared[1]}.png"`);
    expect((await fetch(location)).status).toBe(200);
    await get(`/s/${on.token}/assets/${shared[2]}/download`);
    expect(await downloads(on.id)).toBe(2);
    const refused = await get(`/s/${off.token}/assets/${shared[1]}/download`);
    expect(refused.status).toBe(403);
    expect(await downloads(off.id)).toBe(0);
  });

  it("take a client's approval and comment under their name only when the link allows it", async () => {
    const viewOnly = await make();
    const review = await make({ allowApprove: true, allowComment: true });
    expect((await post(`/s/${viewOnly.token}/assets/${shared[0]}/approval`, { name: "Ana", status: "approved" })).status).toBe(403);
    expect((await post(`/s/${viewOnly.token}/assets/${shared[0]}/comments`, { name: "Ana", body: "Nice" })).status).toBe(403);
    const noName = await post(`/s/${review.token}/assets/${shared[0]}/comments`, { name: " ", body: "Nice" });
    expect(noName.status).toBe(422);
    expect(await noName.json()).toMatchObject({ error: { fields: { name: expect.any(String) } } });
    const form = await fetch(`${appUrl()}/s/${review.token}/assets/${shared[0]}/comments`, { method: "POST", body: new URLSearchParams({ name: "Ana", body: "x" }) });
    expect(form.status).toBe(415);

    expect((await post(`/s/${review.token}/assets/${shared[0]}/approval`, { name: "Ana from Acme", status: "approved" })).status).toBe(200);
    expect((await post(`/s/${review.token}/assets/${shared[0]}/comments`, { name: "Ana from Acme", body: "Love the light." })).status).toBe(201);
    expect(await db.asset.findUniqueOrThrow({ where: { id: shared[0] } })).toMatchObject({ approvalStatus: "approved", approvedAt: expect.any(Date) });
    expect(await db.assetReviewEvent.findFirst({ where: { assetId: shared[0], shareLinkId: review.id } })).toMatchObject({ guestName: "Ana from Acme", actorUserId: null, toStatus: "approved" });
    expect(await db.assetComment.findFirst({ where: { assetId: shared[0], shareLinkId: review.id } })).toMatchObject({ guestName: "Ana from Acme", authorId: null, body: "Love the light." });
    // The studio's comment API shows it, attributed to the guest.
    const comments = (await (await owner.api(`/api/v1/assets/${shared[0]}/comments`)).json()) as { data: { author: unknown; guestName: string | null }[] };
    expect(comments.data).toContainEqual(expect.objectContaining({ author: null, guestName: "Ana from Acme" }));
  });
});
