import type { ZodError } from "zod";

/** `{ field: message }` — what forms and the API's `error.fields` show next to each input. */
export type FieldErrors = Record<string, string>;

// First message per field wins (the most basic problem). Unknown keys come back from zod as one issue at the root
// listing them; they are split so each shows against its own name.
export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const prefix = issue.path.map(String).join(".");
      for (const key of issue.keys) fields[prefix ? `${prefix}.${key}` : key] ??= `${key} is not a recognised parameter`;
      continue;
    }
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function hasFieldErrors(fields: FieldErrors): boolean {
  return Object.keys(fields).length > 0;
}
