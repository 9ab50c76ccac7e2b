import type { z } from "zod";

// zod does the checking; each provider then words the first (or every) issue in its own error format.
export interface Issue {
  path: (string | number)[];
  field: string;
  kind: "missing" | "type" | "enum" | "too_big" | "too_small" | "custom";
  message: string; // neutral English, used by providers whose errors are free text
  expected?: string;
  options?: readonly unknown[];
  limit?: number;
  sizeOf?: "string" | "array" | "number";
  input?: unknown;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; issues: Issue[] };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(raw: z.core.$ZodIssue, input: unknown): Issue {
  const path = raw.path.filter((p): p is string | number => typeof p !== "symbol");
  const field = path.join(".") || "body";
  const value = valueAt(input, path);
  switch (raw.code) {
    case "invalid_type":
      return value === undefined
        ? { path, field, kind: "missing", message: `${field} is required`, expected: raw.expected }
        : { path, field, kind: "type", message: `${field} must be of type ${raw.expected}`, expected: raw.expected, input: value };
    case "invalid_value": {
      const options = raw.values;
      return { path, field, kind: "enum", options, input: value, message: `${field} must be one of: ${options.join(", ")}` };
    }
    case "too_big":
    case "too_small": {
      const limit = Number(raw.code === "too_big" ? raw.maximum : raw.minimum);
      const sizeOf = raw.origin === "string" ? "string" : raw.origin === "array" ? "array" : "number";
      const relation = raw.code === "too_big" ? "at most" : "at least";
      const unit = sizeOf === "string" ? " characters" : sizeOf === "array" ? " items" : "";
      return {
        path, field, kind: raw.code, limit, sizeOf, input: value,
        message: `${field} must be ${relation} ${limit}${unit}`,
      };
    }
    default:
      return { path, field, kind: "custom", message: raw.message, input: value };
  }
}

export function validate<T>(schema: z.ZodType<T>, input: unknown): Validated<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => describe(issue, input)) };
}
