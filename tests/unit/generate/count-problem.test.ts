import { describe, expect, it } from "vitest";
import { countProblem } from "@/app/(studio)/projects/[projectId]/_components/generate/count-problem";

describe("the generate panel's image count", () => {
  it("accepts whole numbers within the provider's limit", () => {
    expect(countProblem("1", 9, "Kling")).toBeNull();
    expect(countProblem("9", 9, "Kling")).toBeNull();
  });
  it("names what is wrong with anything else", () => {
    expect(countProblem("0", 9, "Kling")).toBe("At least 1 image.");
    expect(countProblem("-2", 9, "Kling")).toBe("At least 1 image.");
    expect(countProblem("10", 9, "Kling")).toBe("Up to 9 on Kling.");
    expect(countProblem("2.5", 4, "fal.ai")).toBe("Enter a whole number of images.");
    expect(countProblem("  ", 4, "fal.ai")).toBe("Enter how many images, 1 to 4.");
  });
});
