import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

// The demo account `npm run dev` creates on first run. Local only: the password is printed at start-up and the
// README tells self-hosters to change it.
export const DEMO_OWNER = { email: "demo@asset.studio", password: "demo-password-1", name: "Demo Owner" };

/** Seeds the demo team once; returns null when any user already exists (not a first run). */
export async function seedDemo() {
  if ((await db.user.count()) > 0) return null;
  const { user } = await createUser(DEMO_OWNER);
  const team = await createTeam({ name: "Demo Studio", slug: "demo-studio", ownerId: user.id });
  const project = await createProjectRow({
    teamId: team.id,
    name: "Spring Campaign",
    description: "Hero images and social cut-downs for the spring launch.",
    createdById: user.id,
  });
  return { user, team, project };
}
