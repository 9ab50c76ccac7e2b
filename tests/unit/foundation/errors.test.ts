import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorBody, toAppError } from "@/lib/errors";

describe("toAppError", () => {
  it("keeps an AppError and its status", () => {
    const error = toAppError(new AppError("payment_required", "Over budget", { details: { remaining: 1 } }));
    expect(error.status).toBe(402);
    expect(errorBody(error)).toEqual({ error: { code: "payment_required", message: "Over budget", details: { remaining: 1 } } });
  });

  it("turns a ZodError into 422 with field paths", () => {
    const result = z.object({ name: z.string().min(1, "Give it a name"), size: z.object({ w: z.number() }) }).safeParse({ name: "", size: { w: "x" } });
    const error = toAppError(result.error);
    expect(error.status).toBe(422);
    expect(error.fields).toMatchObject({ name: "Give it a name", "size.w": expect.any(String) });
  });

  it("maps Prisma's unique and not-found errors", () => {
    expect(toAppError({ code: "P2002" }).status).toBe(409);
    expect(toAppError({ code: "P2025" }).status).toBe(404);
  });

  it("hides anything else behind a generic 500", () => {
    const error = toAppError(new Error("connection string postgres://secret"));
    expect(error.status).toBe(500);
    expect(error.message).not.toContain("secret");
  });
});
