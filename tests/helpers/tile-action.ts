import type { Locator, Page } from "playwright-core";

/**
 * Reveal a gallery tile's hover actions and press one (exact name: "Delete" is inside "Delete permanently").
 *
 * The actions mount when a pointer comes over the tile. Playwright checks the hover point and then moves the mouse;
 * a tile that shifts in between (a relayout after an undo or a live arrival) is missed, the pointer rests on its
 * neighbour, and nothing moves it again — CI saw that twice as a 30 s wait for a Delete button. A person would move
 * the mouse once more: so does this, and says so in the log, so a tile that never shows its actions still fails.
 */
export async function pressTileAction(page: Page, tile: Locator, name: string) {
  const action = tile.getByRole("button", { name, exact: true });
  for (let attempt = 1; ; attempt++) {
    await tile.hover();
    try {
      await action.waitFor({ state: "attached", timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      const seen = await tile.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const under = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return { box: [box.x, box.y, box.width, box.height].map(Math.round), hovered: el.matches(":hover"), under: under?.closest("[data-asset-id]")?.getAttribute("data-asset-id") ?? under?.tagName };
      });
      console.warn(`"${name}" did not appear after hover ${attempt}; moving the pointer again`, seen);
      await page.mouse.move(0, 0);
    }
  }
  await action.click();
}
