import { thumbHashToDataURL } from "thumbhash";
import { memoThumbhash } from "./memo-thumbhash";

/** The first screenful's placeholder: the thumbhash as a small blurred PNG data URL. */
export const thumbhashUrl = memoThumbhash(thumbHashToDataURL);
