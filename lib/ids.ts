import { randomBytes } from "node:crypto";

// Prefixed, time-sortable ids (ULID layout: 10 chars of millisecond time + 16 random, Crockford base32), so ids
// sort by creation and say what they are in logs: gen_01JD…, ast_01JD….
const PREFIXES = {
  team: "team",
  membership: "mem",
  invitation: "inv",
  project: "prj",
  prompt: "pmt",
  element: "elm",
  elementVersion: "elv",
  elementRef: "elr",
  generation: "gen",
  generationInput: "gin",
  generationOutput: "gout",
  asset: "ast",
  tag: "tag",
  collection: "col",
  spend: "spd",
  budget: "bgt",
  budgetAlert: "bal",
  spendCap: "cap",
  spendAlert: "sal",
  spendAlertDelivery: "sad",
  webhookEvent: "whe",
  apiKey: "key",
  credential: "crd",
  audit: "aud",
  worker: "wkr",
  reviewEvent: "rev",
  comment: "cmt",
  notification: "ntf",
  upload: "upl",
  shareLink: "shr",
} as const;

export type IdKind = keyof typeof PREFIXES;

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function createId(kind: IdKind, now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = Array.from(randomBytes(16), (b) => ALPHABET[b % 32]).join("");
  return `${PREFIXES[kind]}_${time}${random}`;
}
