// The studio header's word on where generations go is per team and agrees with what a submit does
// (lib/providers-config/provider-route.ts): this stack runs the simulator and has no provider keys of its own, so a
// team without a key is in simulator mode, and a team that saved its own key for its default provider is not.
import { describe, expect, it } from "vitest";
import * as sim from "@/simulator/credentials";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";

const notice = (html: string) => /data-provider-route="(\w+)"/.exec(html)?.[1] ?? null;

describe("studio header: where this team's generations go", () => {
  it("says simulator mode for a team without a key, and nothing once the team saved its own", { timeout: 240_000 }, async () => {
    const keyed = await memberOfNewTeam("owner");
    const keyless = await memberOfNewTeam("owner");
    const page = async (who: typeof keyed) => {
      const res = await who.api("/", { signal: AbortSignal.timeout(200_000) });
      expect(res.status).toBe(200);
      return res.text();
    };
    expect(await page(keyed)).toContain("Simulator mode");

    const saved = await keyed.api(`/api/v1/teams/${keyed.team.id}/credentials/kling`, {
      method: "PUT",
      body: JSON.stringify({ accessKey: sim.KLING_ACCESS_KEY, secretKey: sim.KLING_SECRET_KEY }),
    });
    expect(saved.status, await saved.text()).toBe(200);
    const after = await page(keyed);
    expect(after).not.toContain("Simulator mode");
    expect(notice(after)).toBeNull();
    // Per team: the other team still has no key.
    expect(notice(await page(keyless))).toBe("simulator");
  });
});
