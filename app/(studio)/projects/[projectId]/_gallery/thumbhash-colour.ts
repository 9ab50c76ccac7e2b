import { thumbHashToAverageRGBA } from "thumbhash";
import { memoThumbhash } from "./memo-thumbhash";

// A tile's placeholder below the first screenful: the thumbhash's average colour. Setting a 1–2 KB data-URL
// background on every tile that scrolls in was the largest JavaScript self time while scrolling (setAttribute), and
// each one is a PNG decode on top; a colour is a few bytes and no decode.
export const thumbhashColour = memoThumbhash((bytes) => {
  const { r, g, b } = thumbHashToAverageRGBA(bytes);
  return `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`;
});
