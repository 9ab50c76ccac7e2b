import { describe, expect, it } from "vitest";
import { createNeighbourWalker, type Neighbours } from "@/app/(studio)/projects/[projectId]/_components/asset-detail/neighbour-walker";

// A gallery of a, b, c, d, e in order; the neighbours API answers after a tick, like the network.
const ORDER = ["a", "b", "c", "d", "e"];
const neighboursOf = (id: string): Neighbours => {
  const i = ORDER.indexOf(id);
  return { previous: ORDER[i - 1] ?? null, next: ORDER[i + 1] ?? null };
};

function walker() {
  const navigations: string[] = [];
  const asked: string[] = [];
  const w = createNeighbourWalker({
    fetchNeighbours: async (id) => {
      asked.push(id);
      await new Promise((r) => setTimeout(r, 1));
      return neighboursOf(id);
    },
    navigate: (id) => navigations.push(id),
  });
  return { w, navigations, asked };
}

describe("createNeighbourWalker", () => {
  it("gives each of several quick presses its own step, from the image the last press is heading to", async () => {
    const { w, navigations } = walker();
    const on = { id: "a", neighbours: neighboursOf("a") };
    const presses = [w.step(on, "next"), w.step(on, "next"), w.step(on, "next")];
    expect(await Promise.all(presses)).toEqual(["b", "c", "d"]);
    expect(navigations).toEqual(["b", "c", "d"]);
  });

  it("uses the screen's own neighbours for the first press and asks the API only for images not yet shown", async () => {
    const { w, asked } = walker();
    const on = { id: "b", neighbours: neighboursOf("b") };
    await Promise.all([w.step(on, "next"), w.step(on, "previous")]);
    expect(asked).toEqual(["c"]);
  });

  it("stops at the end of the sequence and steps back from there", async () => {
    const { w, navigations } = walker();
    const on = { id: "d", neighbours: neighboursOf("d") };
    expect(await Promise.all([w.step(on, "next"), w.step(on, "next"), w.step(on, "previous")])).toEqual(["e", null, "d"]);
    expect(navigations).toEqual(["e", "d"]);
  });

  it("steps from the screen again once the last target is shown, or when the viewer went elsewhere", async () => {
    const { w, navigations } = walker();
    await w.step({ id: "a", neighbours: neighboursOf("a") }, "next");
    w.shown("b");
    await w.step({ id: "b", neighbours: neighboursOf("b") }, "next");
    expect(navigations).toEqual(["b", "c"]);
    // A lineage link took the viewer to e; the next press starts from e, not from c.
    w.shown("e");
    await w.step({ id: "e", neighbours: neighboursOf("e") }, "previous");
    expect(navigations).toEqual(["b", "c", "d"]);
  });

  it("keeps the chain when an image passed on the way is shown while a press is still pending", async () => {
    const { w, navigations } = walker();
    const on = { id: "a", neighbours: neighboursOf("a") };
    const first = w.step(on, "next");
    await first;
    const second = w.step(on, "next");
    w.shown("b"); // the first navigation lands while the second press looks up b's neighbours
    const third = w.step({ id: "b", neighbours: neighboursOf("b") }, "next");
    expect([await second, await third]).toEqual(["c", "d"]);
    expect(navigations).toEqual(["b", "c", "d"]);
  });
});
