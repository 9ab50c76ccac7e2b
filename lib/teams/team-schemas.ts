import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/kling/providers";
import type { Invitation, MemberRole, Team } from "@/lib/generated/prisma/client";

export const ROLES = ["owner", "admin", "editor", "viewer"] as const satisfies readonly MemberRole[];

const teamName = z.string().trim().min(1, "Give the team a name.").max(80, "Keep the name under 80 characters.");

export const createTeamInput = z.object({ name: teamName });
export const renameTeamInput = z.object({ name: teamName });
export const roleInput = z.object({ role: z.enum(ROLES, "Choose a role.") });
export const inviteInput = z.object({
  email: z.email("Enter an email address.").transform((e) => e.trim().toLowerCase()),
  role: z.enum(ROLES, "Choose a role."),
});
export const transferOwnershipInput = z.object({ userId: z.string().min(1, "Choose the new owner.") });
export const defaultProviderInput = z.object({ provider: z.enum(PROVIDER_IDS, "Choose a provider.").nullable() });
export const acceptAsNewUserInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "Keep your name under 120 characters."),
  password: z.string().min(12, "Use at least 12 characters.").max(200, "Keep the password under 200 characters."),
});

// The response schemas are the DTOs: only these fields ever leave the server.
export const teamDto = z.object({ id: z.string(), name: z.string(), slug: z.string(), defaultProvider: z.string().nullable() });
export function toTeamDto(team: Team) {
  return teamDto.parse(team);
}

export const memberDto = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  joinedAt: z.string(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const invitationDto = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationDto = z.infer<typeof invitationDto>;
export function toInvitationDto(invitation: Invitation): InvitationDto {
  return invitationDto.parse({
    ...invitation,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  });
}
