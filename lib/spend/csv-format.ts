// CSV that opens cleanly in Excel and Google Sheets: RFC 4180 quoting, CRLF line ends, ISO 8601 UTC timestamps,
// money both as exact decimal dollars and as integer micro-dollars. Text a person typed (project and member names)
// that starts like a formula is prefixed with an apostrophe, so a spreadsheet shows it instead of running it.

/** UTF-8 byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = "\uFEFF";

export function csvRow(cells: (string | number | bigint | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Free text: neutralise a leading formula character. */
export function csvText(value: string | null | undefined): string {
  if (!value) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Exact decimal dollars from micro-dollars ("-0.028000"), never through a float. */
export function usdDecimal(micros: bigint | string | null): string {
  if (micros === null) return "";
  const m = BigInt(micros);
  const sign = m < 0n ? "-" : "";
  const abs = m < 0n ? -m : m;
  return `${sign}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, "0")}`;
}

export function isoUtc(date: Date | null): string {
  return date ? date.toISOString() : "";
}
