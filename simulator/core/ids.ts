import { randomInt, randomUUID } from "node:crypto";

// Provider-shaped identifiers. Real-looking ids catch adapters that assume a format (Kling's are 18-digit numeric
// strings that overflow a JS number; WaveSpeed's are 32 hex characters).
export const klingTaskId = (): string =>
  `8${Array.from({ length: 17 }, () => randomInt(10)).join("")}`;

export const wavespeedId = (): string => randomUUID().replace(/-/g, "");

export const uuid = (): string => randomUUID();

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
