import { describe, expect, it } from "vitest";
import { firstPollDelaySeconds, nextPollDelaySeconds, POLLED_ONLY_INTERVAL_SECONDS } from "@/lib/generations/poll-schedule";

// A provider with no inference webhooks (Segmind) is only ever seen finishing by a poll, so its polls stay close
// together (its SDK polls every 1 s, segmind/v2.py); providers that call back keep the backoff, polling being their
// safety net.
describe("poll schedule", () => {
  it("polls Segmind early and then steadily, never backing off past a few seconds", () => {
    expect(firstPollDelaySeconds("segmind")).toBe(1);
    const delays = Array.from({ length: 40 }, (_, attempt) => nextPollDelaySeconds({ attempt, provider: "segmind" }));
    expect(new Set(delays)).toEqual(new Set([POLLED_ONLY_INTERVAL_SECONDS]));
    expect(POLLED_ONLY_INTERVAL_SECONDS).toBeLessThanOrEqual(2);
  });

  it("backs providers that call back off from 1 s to 30 s", () => {
    for (const provider of ["kling", "wavespeed", "runware", "fal"] as const) {
      expect(firstPollDelaySeconds(provider)).toBe(10);
      expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => nextPollDelaySeconds({ attempt, provider }))).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
    }
    // A poll job enqueued before it carried its provider keeps the old backoff.
    expect(nextPollDelaySeconds({ attempt: 5 })).toBe(30);
  });
});
