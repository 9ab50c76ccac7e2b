import type { Browser } from "playwright-core";
import { addMember } from "@/prisma/factories/create-team";
import { launchBrowser } from "@/tests/helpers/browser";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";

/**
 * What every spend e2e test starts from: a browser, a signed-in owner of a new team with a project, and a signed-in
 * editor of that team, with the simulator's faults cleared (a price fault left by another file would skew the sums).
 */
export async function spendWorld(): Promise<{ browser: Browser; owner: Awaited<ReturnType<typeof memberOfNewTeam>>; editor: Awaited<ReturnType<typeof signedInUser>> }> {
  const browser = await launchBrowser();
  await sim("/faults", { method: "DELETE" });
  const owner = await memberOfNewTeam("owner");
  const editor = await signedInUser();
  await addMember({ teamId: owner.team.id, userId: editor.user.id, role: "editor" });
  return { browser, owner, editor };
}
export type SpendWorld = Awaited<ReturnType<typeof spendWorld>>;
