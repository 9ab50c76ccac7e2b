import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { capturedSegment } from "@/lib/http/captured-segment";

const PATTERN = /^\/api\/webhooks\/([^/?#]+)(?:\?|$)/;
const req = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe("capturedSegment", () => {
  it("gives the decoded segment of a matching request", () => {
    expect(capturedSegment(req("POST", "/api/webhooks/wavespeed?cid=1"), "POST", PATTERN)).toBe("wavespeed");
    expect(capturedSegment(req("POST", "/api/webhooks/a%20b"), "POST", PATTERN)).toBe("a b");
  });

  it("leaves anything else to Next: another method, another path, a segment that doesn't decode", () => {
    expect(capturedSegment(req("GET", "/api/webhooks/wavespeed"), "POST", PATTERN)).toBeNull();
    expect(capturedSegment(req("POST", "/api/webhooks/wavespeed/extra"), "POST", PATTERN)).toBeNull();
    expect(capturedSegment(req("POST", "/api/webhooks/"), "POST", PATTERN)).toBeNull();
    expect(capturedSegment(req("POST", "/api/webhooks/%E0%A4%A"), "POST", PATTERN)).toBeNull();
  });
});
