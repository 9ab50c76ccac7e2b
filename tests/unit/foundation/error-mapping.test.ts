import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { errorBody, toAppError } from "@/lib/errors";

// What a client sees for an error nobody caught on purpose: the status and a plain sentence, never the database's words.
describe("toAppError", () => {
  const prisma = (code: string, message: string) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7" });

  it("maps Prisma's known codes without their messages", () => {
    const unique = toAppError(prisma("P2002", "Unique constraint failed on the fields: (`email`) in table User"));
    expect([unique.status, unique.message]).toEqual([409, "That already exists."]);
    const missing = toAppError(prisma("P2025", "An operation failed because it depends on records that were not found: Membership"));
    expect([missing.status, missing.message]).toEqual([404, "Not found."]);
  });

  it("hides every other error behind one sentence", () => {
    for (const error of [prisma("P2003", "Foreign key constraint violated: Generation_teamId_fkey"), new Error('relation "User" does not exist'), "boom"]) {
      const body = JSON.stringify(errorBody(toAppError(error)));
      expect(body).toBe(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
    }
  });
});
