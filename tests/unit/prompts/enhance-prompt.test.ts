import { describe, expect, it } from "vitest";
import { enhancePrompt } from "@/lib/prompts/enhance-prompt";
import { diffWords } from "@/lib/prompts/diff-words";
import { fillTemplate, templateVariables } from "@/lib/prompts/template-variables";

describe("the built-in prompt enhancer", () => {
  it("gives the same output for the same input, every time", () => {
    const inputs = ["a red sneaker", "portrait of a chef", "mountain lake", "  a red   sneaker. ", "", "{product} on a beach in {season}"];
    for (const input of inputs) {
      const first = enhancePrompt(input);
      for (let i = 0; i < 5; i++) expect(enhancePrompt(input)).toEqual(first);
    }
    // Whitespace and trailing punctuation don't change the suggestion.
    expect(enhancePrompt("  a red   sneaker. ").text).toBe(enhancePrompt("a red sneaker").text);
  });

  it("adds subject detail, style, lighting, lens and composition chosen by what the subject is", () => {
    expect(enhancePrompt("a red sneaker")).toEqual({
      text: "a red sneaker, highly detailed subject in sharp focus, clean commercial product photography, soft diffused studio lighting with gentle reflections, 100mm macro lens, shallow depth of field, centered composition with generous negative space",
      additions: [
        { category: "subject", phrase: "highly detailed subject in sharp focus" },
        { category: "style", phrase: "clean commercial product photography" },
        { category: "lighting", phrase: "soft diffused studio lighting with gentle reflections" },
        { category: "lens", phrase: "100mm macro lens, shallow depth of field" },
        { category: "composition", phrase: "centered composition with generous negative space" },
      ],
    });
    expect(enhancePrompt("portrait of a chef").text).toContain("85mm lens at f/1.8");
    expect(enhancePrompt("a mountain lake").text).toContain("golden-hour");
    expect(enhancePrompt("a slice of cake").text).toContain("overhead flat-lay composition");
    expect(enhancePrompt("a quiet moment").text).toContain("high-end editorial photography");
  });

  it("leaves alone what the prompt already says, and adds no lens to an illustration", () => {
    const said = enhancePrompt("a sneaker, watercolor illustration, neon light, close-up");
    expect(said.additions.map((a) => a.category)).toEqual(["subject"]);
    expect(enhancePrompt("a sneaker shot on a 35mm lens").additions.map((a) => a.category)).not.toContain("lens");
    expect(enhancePrompt("highly detailed fox, oil painting").additions.map((a) => a.category)).toEqual(["lighting", "composition"]);
  });

  it("changes nothing more the second time, keeps references and variables, and stays within 2,500 characters", () => {
    for (const input of ["a red sneaker", "@element1 holding {product} beside @image2 in {season}", "a fox"]) {
      const once = enhancePrompt(input).text;
      expect(enhancePrompt(once)).toEqual({ text: once, additions: [] });
    }
    const withRefs = enhancePrompt("@element1 holding {product} beside @image2 in {season}").text;
    expect(withRefs.startsWith("@element1 holding {product} beside @image2 in {season}, ")).toBe(true);
    expect(withRefs).toContain("product photography");
    // 2,451 characters: anything added would pass the providers' limit, so the prompt is left as it is.
    const long = `a ${"very ".repeat(488)}tall tree`;
    expect(enhancePrompt(long)).toEqual({ text: long, additions: [] });
  });
});

describe("the suggestion's diff", () => {
  it("shows exactly what was added, and what an edit removed", () => {
    expect(diffWords("a red sneaker", enhancePrompt("a red sneaker").text)).toEqual([
      { kind: "same", text: "a red sneaker" },
      { kind: "added", text: expect.stringMatching(/^, highly detailed .* negative space$/) },
    ]);
    expect(diffWords("a red fox in snow", "a fox in deep snow")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "red " },
      { kind: "same", text: "fox in " },
      { kind: "added", text: "deep " },
      { kind: "same", text: "snow" },
    ]);
    expect(diffWords("same", "same")).toEqual([{ kind: "same", text: "same" }]);
  });
});

describe("template variables", () => {
  it("lists each variable once, fills them in, and keeps any left without a value", () => {
    const template = "{product} on a beach in {season}, @image1 as the mood; {product} in focus";
    expect(templateVariables(template)).toEqual(["product", "season"]);
    expect(fillTemplate(template, { product: " trail shoe ", season: "autumn" })).toEqual({
      text: "trail shoe on a beach in autumn, @image1 as the mood; trail shoe in focus",
      missing: [],
    });
    expect(fillTemplate(template, { product: "shoe" })).toEqual({ text: "shoe on a beach in {season}, @image1 as the mood; shoe in focus", missing: ["season"] });
    expect(templateVariables("JSON like {\"a\": 1} or { spaced } is not a variable")).toEqual([]);
  });
});
