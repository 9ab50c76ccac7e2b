import { UTF8_BOM } from "@/lib/spend/csv-format";

const encoder = new TextEncoder();

/**
 * A CSV as a pull stream: the header, then one page of rows per pull, each page read by keyset after the last row of
 * the previous one. Only one page is ever held, so memory stays flat however many rows there are, and a slow reader
 * slows the reads (backpressure) instead of piling pages up.
 */
export function keysetCsvStream<Row, Cursor>(o: {
  header: string;
  bom: boolean;
  page: (after: Cursor | null) => Promise<Row[]>;
  cursorOf: (row: Row) => Cursor;
  line: (row: Row) => string;
}): ReadableStream<Uint8Array> {
  let after: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode((o.bom ? UTF8_BOM : "") + o.header));
          return;
        }
        const rows = await o.page(after);
        if (rows.length === 0) {
          controller.close();
          return;
        }
        after = o.cursorOf(rows[rows.length - 1]!);
        let chunk = "";
        for (const row of rows) chunk += o.line(row);
        controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 1 },
  );
}
