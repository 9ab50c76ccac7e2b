// Template variables are written `{name}` in a saved prompt (letters, digits, underscores, starting with a letter) and
// filled in when the template is used. `@image1`/`@element1` references are not variables and pass through untouched.
const VARIABLE = /\{([A-Za-z][A-Za-z0-9_]{0,39})\}/g;

/** The distinct variable names of a template, in the order they first appear. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/**
 * The template with each variable replaced by its value (trimmed); `missing` names the variables left without a
 * value, which stay as written so nothing is silently dropped from the prompt.
 */
export function fillTemplate(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(VARIABLE, (whole, name: string) => {
    const value = values[name]?.trim();
    if (!value) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}
