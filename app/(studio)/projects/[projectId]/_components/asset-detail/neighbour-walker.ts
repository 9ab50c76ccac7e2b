// The detail's arrow keys, pressed faster than a navigation lands. Each press steps from the image the previous press
// is heading to, not from the one still on screen (whose "next" is the image already being loaded: a second press
// would go there again and be lost). The neighbours of an image not yet on screen come from the neighbours API, asked
// only when a press needs them; presses are chained, so they apply in order.

export type Neighbours = { previous: string | null; next: string | null };
type Position = { id: string; neighbours: () => Promise<Neighbours> };

export function createNeighbourWalker(options: { fetchNeighbours: (id: string) => Promise<Neighbours>; navigate: (id: string) => void }) {
  let ahead: Promise<Position> | null = null;
  let pending = 0;
  let lastTarget: string | null = null;
  const issued = new Set<string>();
  const reset = () => {
    ahead = null;
    lastTarget = null;
    issued.clear();
  };
  return {
    /**
     * The image on screen is now `id`: the last press's target arrived, or the viewer went somewhere else (a lineage
     * link, Back). Either way later presses step from the screen again. An image passed on the way is neither.
     */
    shown(id: string) {
      if (pending === 0 && (id === lastTarget || !issued.has(id))) reset();
    },
    /** One press; resolves to the image it navigated to, or null at the end of the sequence. */
    async step(current: { id: string; neighbours: Neighbours }, direction: keyof Neighbours): Promise<string | null> {
      const base = ahead ?? Promise.resolve<Position>({ id: current.id, neighbours: () => Promise.resolve(current.neighbours) });
      pending++;
      const next = base.then(async (from): Promise<Position & { moved: boolean }> => {
        const target = await from.neighbours().then((n) => n[direction], () => null);
        if (!target) return { ...from, moved: false };
        issued.add(target);
        lastTarget = target;
        options.navigate(target);
        let asked: Promise<Neighbours> | null = null;
        return { id: target, neighbours: () => (asked ??= options.fetchNeighbours(target)), moved: true };
      });
      ahead = next;
      try {
        const landed = await next;
        return landed.moved ? landed.id : null;
      } finally {
        pending--;
      }
    },
  };
}
