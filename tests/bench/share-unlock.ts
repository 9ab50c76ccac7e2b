import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadProject } from "@/lib/projects/get-project-or-throw";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createShareLink } from "@/lib/share/create-share-link";
import { UNLOCK_LIMIT } from "@/lib/share/unlock-share-link";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import type { BenchStack } from "./support/bench-stack";
import type { BenchLog, BenchResult } from "./support/result";
import { median, round, summarize } from "./support/stats";

// Share link refusal timing (issue 14 Done means: "refuses a wrong password with the same answer and timing as a
// missing link"), on the production path (`npm start`, POST /s/:token/unlock over loopback):
// - ROUNDS rounds; each round sends one request of every kind — a missing token, a malformed token, a wrong
//   password for a protected link, the right password — in an order that rotates through all of them, so no kind
//   is always first or always right after another under the same load.
// - Every kind's k-th request goes to a token that has had exactly k−1 attempts before (tokens used REUSE times in
//   lockstep), so the rate-limit upsert does the same insert-or-update for each kind.
// - The first requests after the server started are timed on their own ("cold"): a non-JSON body (the route's
//   first answer, no lookup or verify), then a missing token, then a wrong password. Lazy work on the refusal path
//   (a dummy password hashed on first use) would show on the first refusal; start-up costs land on the first request.
// Figures: each kind's p50/p95, the median of the paired gaps (wrong − missing, within one round), and the yardstick
// that a shortcut would save: one argon2 verify, measured in this process in the same run.

const ROUNDS = Number(process.env.BENCH_SHARE_ROUNDS ?? 120);
// Under the per-link limit (UNLOCK_LIMIT tries per ten minutes), so no request of the run is rate-limited.
const REUSE = Math.min(8, UNLOCK_LIMIT - 1);
const KINDS = ["missing", "malformed", "wrong", "right"] as const;
type Kind = (typeof KINDS)[number];

export async function benchShareUnlock(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id, name: "Bench share" });
  const row = await createProjectRow({ teamId: team.id, name: "share", createdById: user.id });
  const collection = await db.collection.create({ data: { id: createId("collection"), teamId: team.id, projectId: row.id, name: "Client picks", createdById: user.id } });
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: user.id }, teamId: team.id, permission: "project.read" });
  const project = (await loadProject(row.id))!;
  const groups = Math.ceil(ROUNDS / REUSE);
  const protectedLink = async () =>
    (await createShareLink({ access, project, input: { name: "Bench", expiresInDays: 7, password: "correct horse", allowDownload: false, showPrompts: false, allowApprove: false, allowComment: false, collectionId: collection.id } })).token;
  const tokens: Record<Kind, string[]> = { missing: [], malformed: [], wrong: [], right: [] };
  for (let g = 0; g < groups; g++) {
    tokens.missing.push(randomBytes(32).toString("base64url"));
    // One character short of a token: refused before any lookup unless the code makes it do the same work.
    tokens.malformed.push(randomBytes(32).toString("base64url").slice(0, 42));
    tokens.wrong.push(await protectedLink());
    tokens.right.push(await protectedLink());
  }
  log(`share-unlock: ${groups} tokens of each kind, ${ROUNDS} rounds`);

  const unlock = async (token: string, password: string) => {
    const t = performance.now();
    const res = await fetch(`${stack.appUrl}/s/${token}/unlock`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password }) });
    const body = await res.text();
    const ms = performance.now() - t;
    const headers = [...res.headers].filter(([k]) => k !== "date" && k !== "set-cookie").map(([k, v]) => `${k}: ${v}`).sort().join("\n");
    return { ms, status: res.status, answer: `${res.status}\n${headers}\n\n${body}` };
  };
  // The first requests after start, one sample each: the route's first answer of all (a non-JSON body, refused before
  // any lookup or verify), then the first refusal of a missing token, then the first wrong password. Whatever the
  // process does once (load the route, open database connections, prepare statements, any lazy hashing) lands on
  // whichever comes first — a single-sample comparison of two kinds measures that, not the kinds.
  const firstAny = await (async () => {
    const t = performance.now();
    const res = await fetch(`${stack.appUrl}/s/${randomBytes(32).toString("base64url")}/unlock`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" });
    await res.text();
    return performance.now() - t;
  })();
  const cold = await unlock(randomBytes(32).toString("base64url"), "wrong guess");
  const coldWrong = await unlock(tokens.wrong.at(-1)!, "wrong guess");

  const times: Record<Kind, number[]> = { missing: [], malformed: [], wrong: [], right: [] };
  const answers: Record<Kind, Set<string>> = { missing: new Set(), malformed: new Set(), wrong: new Set(), right: new Set() };
  const gaps: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const slot = Math.floor(r / REUSE);
    const order = KINDS.map((_, i) => KINDS[(i + r) % KINDS.length]!);
    if (Math.floor(r / KINDS.length) % 2 === 1) order.reverse();
    const pair: Partial<Record<Kind, number>> = {};
    for (const kind of order) {
      const res = await unlock(tokens[kind][slot]!, kind === "right" ? "correct horse" : "wrong guess");
      times[kind].push(res.ms);
      answers[kind].add(res.answer);
      pair[kind] = res.ms;
    }
    gaps.push(pair.wrong! - pair.missing!);
  }

  const verifyCost: number[] = [];
  const hash = await dummyPasswordHash();
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    await verifyPassword(hash, "wrong guess");
    verifyCost.push(performance.now() - t);
  }
  const hashCost: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await hashPassword("not-a-real-password");
    hashCost.push(performance.now() - t);
  }
  const verify = median(verifyCost);
  const hashing = median(hashCost);
  const gap = median(gaps);
  const refusalAnswers = new Set([...answers.missing, ...answers.malformed, ...answers.wrong]);
  const summaries = Object.fromEntries(KINDS.map((k) => [k, summarize(times[k])]));
  for (const k of KINDS) log(`share-unlock: ${k} p50 ${round(summaries[k]!.p50)} ms p95 ${round(summaries[k]!.p95)} ms`);
  log(`share-unlock: first request ${round(firstAny)} ms, first refusal ${round(cold.ms)} ms, first wrong ${round(coldWrong.ms)} ms; median paired gap wrong − missing ${round(gap)} ms; one argon2 verify ${round(verify)} ms`);

  const rows: BenchResult["rows"] = [
    ...KINDS.map((k) => ({ metric: `unlock, ${k === "right" ? "right password" : k === "wrong" ? "wrong password" : `${k} token`} (p50)`, value: round(summaries[k]!.p50), unit: "ms" })),
    { metric: "first request after start (non-JSON body: no lookup, no verify)", value: round(firstAny), unit: "ms" },
    { metric: "then the first refusal (missing token)", value: round(cold.ms), unit: "ms", baseline: { label: "missing token p50", value: round(summaries.missing!.p50) } },
    { metric: "then the first wrong password", value: round(coldWrong.ms), unit: "ms", baseline: { label: "wrong password p50", value: round(summaries.wrong!.p50) } },
    { metric: "one argon2 hash, in this process (what a dummy hashed on first use adds)", value: round(hashing), unit: "ms" },
    {
      metric: "median paired gap, wrong password − missing token",
      value: round(gap),
      unit: "ms",
      baseline: { label: "one argon2 verify (what skipping it saves)", value: round(verify) },
      ratio: round(Math.abs(gap) / verify),
      goal: "|gap| < 0.25 × one verify",
      met: Math.abs(gap) < 0.25 * verify,
    },
    { metric: "distinct refusal answers (status, headers but date, body)", value: refusalAnswers.size, unit: "", goal: "1", met: refusalAnswers.size === 1 },
  ];
  return {
    id: "share-unlock",
    title: "Share link refusal timing: wrong password vs missing link",
    rows,
    notes: [
      `${ROUNDS} rounds of ${KINDS.join(" / ")} in rotating order against POST /s/:token/unlock; each token reused ${REUSE}× in lockstep.`,
      `Refusal answers seen: ${[...refusalAnswers].map((a) => JSON.stringify(a.slice(0, 400))).join(" | ")}`,
    ],
    details: { summaries, firstAny, cold: cold.ms, coldWrong: coldWrong.ms, gaps, verifyCost, hashCost, statuses: Object.fromEntries(KINDS.map((k) => [k, [...answers[k]].map((a) => a.split("\n")[0])])) },
    seconds: (Date.now() - started) / 1000,
  };
}
