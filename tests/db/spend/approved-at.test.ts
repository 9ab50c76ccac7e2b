import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { updateAssets } from "@/lib/assets/update-assets";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { accessFor } from "@/tests/helpers/team-access";

// "Cost per approved asset" counts approvals by when they happened: approving stamps approvedAt once, approving again
// keeps the first time, any other status clears it.
describe("approvedAt", () => {
  it("is stamped on the move to approved only", async () => {
    const { user } = await createUser();
    const team = await createTeam({ ownerId: user.id });
    const project = await createProjectRow({ teamId: team.id });
    const access = await accessFor(user.id, team.id);
    const id = createId("asset");
    await db.asset.create({ data: { id, teamId: team.id, projectId: project.id, storageKey: `k/${id}`, width: 1, height: 1, bytes: 1, format: "png", sha256: id } });
    const read = () => db.asset.findUniqueOrThrow({ where: { id } });

    await updateAssets({ access, assets: [await read()], input: { approvalStatus: "approved" } });
    const first = (await read()).approvedAt;
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await updateAssets({ access, assets: [await read()], input: { approvalStatus: "approved" } });
    expect((await read()).approvedAt).toEqual(first);
    await updateAssets({ access, assets: [await read()], input: { favourite: true } });
    expect((await read()).approvedAt).toEqual(first);
    await updateAssets({ access, assets: [await read()], input: { approvalStatus: "rejected" } });
    expect((await read()).approvedAt).toBeNull();
  });
});
