import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "@/lib/auth/permissions";

describe("permissions", () => {
  it("lets editors generate but not manage members", () => {
    expect(can("editor", "generation.create")).toBe(true);
    expect(can("editor", "member.manage")).toBe(false);
  });

  it("gives viewers read access only", () => {
    const viewerPowers = Object.keys(PERMISSIONS).filter((p) => can("viewer", p as keyof typeof PERMISSIONS));
    expect(viewerPowers).toEqual(["project.read"]);
  });

  it("gives owners every permission", () => {
    for (const permission of Object.keys(PERMISSIONS)) expect(can("owner", permission as keyof typeof PERMISSIONS)).toBe(true);
  });
});
