import { describe, expect, it } from "vitest";
import { MAX_JSON_BYTES, readJson } from "@/lib/http/read-json";

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://studio.test/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A chunked body of `total` bytes that records how much of it was pulled. */
function streamOf(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe("readJson", () => {
  it("parses JSON and treats an empty body as {}", async () => {
    expect(await readJson(post(JSON.stringify({ prompt: "a kite ✓" })))).toEqual({ prompt: "a kite ✓" });
    expect(await readJson(post(null))).toEqual({});
  });

  it("refuses malformed JSON with a 400", async () => {
    await expect(readJson(post("{nope"))).rejects.toMatchObject({ code: "bad_request", status: 400 });
  });

  it("refuses a declared length over the cap before reading the body", async () => {
    const { stream, pulled } = streamOf(10 * MAX_JSON_BYTES);
    await expect(readJson(post(stream, { "content-length": String(10 * MAX_JSON_BYTES) }))).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { stream, pulled } = streamOf(50 * MAX_JSON_BYTES);
    await expect(readJson(post(stream))).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(pulled.bytes).toBeLessThan(MAX_JSON_BYTES + 3 * 64 * 1024);
  });
});
