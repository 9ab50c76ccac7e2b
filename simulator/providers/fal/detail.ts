import type { Issue } from "../../core/validate";

// zod issues re-worded as pydantic v2 error entries, which is what fal's 422 `detail` lists contain.
const TYPE_NAMES: Record<string, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  int: ["int_type", "Input should be a valid integer"],
  number: ["float_type", "Input should be a valid number"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["model_type", "Input should be a valid dictionary or instance of the model"],
};

const quoteList = (options: readonly unknown[]): string => {
  const quoted = options.map((o) => `'${String(o)}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : (quoted[0] ?? "");
};

export function pydanticDetail(issue: Issue, body: unknown) {
  const loc = ["body", ...issue.path];
  switch (issue.kind) {
    case "missing":
      return { loc, msg: "Field required", type: "missing", input: body };
    case "enum":
      return { loc, msg: `Input should be ${quoteList(issue.options ?? [])}`, type: "literal_error", input: issue.input, ctx: { expected: quoteList(issue.options ?? []) } };
    case "type": {
      const [type, msg] = TYPE_NAMES[issue.expected ?? ""] ?? ["value_error", issue.message];
      return { loc, msg, type, input: issue.input };
    }
    case "too_big":
    case "too_small": {
      const big = issue.kind === "too_big";
      const limit = issue.limit ?? 0;
      if (issue.sizeOf === "string") {
        return { loc, msg: `String should have ${big ? "at most" : "at least"} ${limit} characters`, type: big ? "string_too_long" : "string_too_short", input: issue.input, ctx: big ? { max_length: limit } : { min_length: limit } };
      }
      if (issue.sizeOf === "array") {
        return { loc, msg: `List should have ${big ? "at most" : "at least"} ${limit} items after validation`, type: big ? "too_long" : "too_short", input: issue.input, ctx: { [big ? "max_length" : "min_length"]: limit } };
      }
      return { loc, msg: `Input should be ${big ? "less" : "greater"} than or equal to ${limit}`, type: big ? "less_than_equal" : "greater_than_equal", input: issue.input, ctx: big ? { le: limit } : { ge: limit } };
    }
    default:
      return { loc, msg: `Value error, ${issue.message}`, type: "value_error", input: issue.input };
  }
}
