import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { streamLedgerCsv } from "@/lib/spend/stream-ledger-csv";
import { streamGenerationsCsv } from "@/lib/spend/stream-generations-csv";
import { spendExportQuery } from "@/lib/spend/export-schemas";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { handLedger } from "./ledger-fixture";

async function text(stream: ReadableStream<Uint8Array>) {
  // ignoreBOM: keep a byte-order mark in the text (Response#text() would drop it silently).
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

function parse(csv: string) {
  // The fixture's cells hold no commas or quotes, so a plain split is a fair reading of these files.
  const [header, ...rows] = csv.trimEnd().split("\r\n").map((l) => l.split(","));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

const march = spendExportQuery.parse({ from: "2025-03-01", to: "2025-03-31" });

describe("spend CSV exports", () => {
  it("the ledger: one row per entry in the range, exact decimal and micro-dollar columns that sum to the report's total", async () => {
    const { team, p1 } = await handLedger();
    const rows = parse(await text(streamLedgerCsv({ teamId: team.id, query: march })));
    expect(rows).toHaveLength(11); // 3 + 2 + 3 + 1 + 2 entries of g1…g5
    expect(rows.reduce((s, r) => s + BigInt(r.amount_micros!), 0n)).toBe(106_000n);
    const release = rows.find((r) => r.kind === "release" && r.amount_micros === "-56000")!;
    expect(release).toMatchObject({ amount_usd: "-0.056000", created_at: "2025-03-02T12:00:00.000Z", project: "P1", project_id: p1.id });
    expect(rows.map((r) => r.created_at)).toEqual([...rows.map((r) => r.created_at)].sort());
    const onlyP1 = parse(await text(streamLedgerCsv({ teamId: team.id, query: { ...march, projectId: p1.id } })));
    expect(onlyP1.reduce((s, r) => s + BigInt(r.amount_micros!), 0n)).toBe(50_000n);
  });

  it("per-generation costs: one row per generation, estimate and actual, totals matching the settled spend", async () => {
    const { team, a, generationIds } = await handLedger();
    const csv = await text(streamGenerationsCsv({ teamId: team.id, query: { ...march, bom: true } }));
    expect(csv.startsWith("\uFEFFgeneration_id,created_at,")).toBe(true);
    const rows = parse(csv.slice(1));
    expect(rows.map((r) => r.generation_id).sort()).toEqual(generationIds.slice(0, 5).sort());
    const byId = new Map(rows.map((r) => [r.generation_id, r]));
    expect(byId.get(generationIds[1]!)).toMatchObject({ status: "failed", actual_micros: "0", actual_usd: "0.000000" });
    expect(byId.get(generationIds[3]!)).toMatchObject({ status: "queued", actual_micros: "", actual_usd: "" });
    expect(byId.get(generationIds[0]!)).toMatchObject({ member_id: a.id, images: "2", mode: "text-to-image" });
    const mine = parse(await text(streamGenerationsCsv({ teamId: team.id, query: { ...march, userId: a.id } })));
    expect(mine).toHaveLength(3);
  });

  it("streams 150,000 ledger rows with the heap flat", { timeout: 300_000 }, async () => {
    const { user } = await createUser();
    const team = await createTeam({ ownerId: user.id });
    const project = await createProjectRow({ teamId: team.id, name: "=HYPERLINK(\"x\")" });
    const n = 150_000;
    await db.$executeRaw`
      INSERT INTO "Generation" (id, "teamId", "projectId", "createdById", model, provider, mode, parameters, prompt, "aspectRatio", resolution,
                                "numImages", status, "correlationId", "webhookToken", "estimatedCostMicros", "createdAt", "updatedAt")
      SELECT 'gen_bulk' || i, ${team.id}, ${project.id}, ${user.id}, 'kling-v3', 'kling', 'text_to_image', '{}'::jsonb, 'p', '1:1', '1k',
             1, 'queued', 'gen_bulk' || i, 'tok' || i, 28000, TIMESTAMP '2025-03-01' + i * INTERVAL '1 second', now()
        FROM generate_series(1, ${n}) AS i`;
    await db.$executeRaw`
      INSERT INTO "SpendEntry" (id, "teamId", "projectId", "generationId", "userId", model, provider, kind, "amountMicros", "createdAt")
      SELECT 'spd_bulk' || i, ${team.id}, ${project.id}, 'gen_bulk' || i, ${user.id}, 'kling-v3', 'kling', 'reservation', 28000,
             TIMESTAMP '2025-03-01' + i * INTERVAL '1 second'
        FROM generate_series(1, ${n}) AS i`;

    const gc = global.gc;
    if (!gc) throw new Error("run with --expose-gc (vitest.config.ts gives the db tier it)");
    const reader = streamLedgerCsv({ teamId: team.id, query: march }).getReader();
    // Before the first page is read: an export that read everything up front would count from here.
    gc();
    const base = process.memoryUsage().heapUsed;
    const decoder = new TextDecoder();
    let lines = 0;
    let sum = 0n;
    // What the stream holds between reads, after a forced collection at every 10,000 rows: garbage the collector
    // hasn't reached yet (which depends on the machine's load) doesn't count; rows held for later do.
    let retained = 0;
    // And the pieces it hands out are pages, not the whole export: the server never holds more than one.
    let biggestChunk = 0;
    let first = true;
    let tail = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = tail + decoder.decode(value, { stream: true });
      const parts = chunk.split("\r\n");
      tail = parts.pop()!;
      biggestChunk = Math.max(biggestChunk, parts.length);
      for (const line of parts) {
        if (first) { first = false; continue; }
        lines++;
        sum += BigInt(line.slice(line.lastIndexOf(",") + 1));
        if (lines % 10_000 === 0) {
          gc();
          retained = Math.max(retained, process.memoryUsage().heapUsed - base);
        }
      }
      if (lines === 1) expect(parts.at(-1)).toContain(`'=HYPERLINK`);
    }
    expect(lines).toBe(n);
    expect(sum).toBe(BigInt(n) * 28_000n);
    // Reading everything first would hold 150k row objects (well over 100 MB); one 5,000-row page is a few MB.
    expect(biggestChunk, "rows in the largest piece the stream handed out").toBeLessThanOrEqual(10_000);
    expect(retained, `the export held ${Math.round(retained / 1e6)} MB between reads`).toBeLessThan(48 * 1024 * 1024);
  });
});
