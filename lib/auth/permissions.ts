import type { MemberRole } from "@/lib/generated/prisma/enums";

// The one table that says who may do what. Routes ask for a permission, never for a role name, so changing a
// role's powers is a one-line change here.
export const PERMISSIONS = {
  "project.read": ["owner", "admin", "editor", "viewer"],
  "project.manage": ["owner", "admin"],
  "generation.create": ["owner", "admin", "editor"],
  "asset.edit": ["owner", "admin", "editor"],
  // Approving or rejecting an image (lib/review/review-permission.ts): the people who sign work off, not its makers.
  "asset.approve": ["owner", "admin"],
  // Commenting on an image is a write: viewers look (and read the comments), they don't add to them.
  "comment.create": ["owner", "admin", "editor"],
  "element.manage": ["owner", "admin", "editor"],
  "spend.read": ["owner", "admin"],
  "budget.manage": ["owner", "admin"],
  // Where spend alerts go (the webhook URL and its signing secret): apart from budgets because an API key that may set
  // limits should not thereby be able to send the team's spend to a URL of its choosing (scope alerts:write).
  "spend_alert.manage": ["owner", "admin"],
  "member.manage": ["owner", "admin"],
  "apikey.manage": ["owner", "admin"],
  "credential.manage": ["owner", "admin"],
  "audit.read": ["owner", "admin"],
  "team.manage": ["owner"],
} as const satisfies Record<string, readonly MemberRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: MemberRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly MemberRole[]).includes(role);
}
