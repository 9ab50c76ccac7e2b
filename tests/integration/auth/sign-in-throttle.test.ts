import http from "node:http";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { SIGN_IN_THROTTLES } from "@/lib/auth/sign-in-throttle";
import { createUser } from "@/prisma/factories/create-user";
import { serverActionId } from "@/tests/helpers/server-action";

// Password sign-in throttles over HTTP, as `npm start` serves them (under `next dev` no server stamps the socket's
// address, lib/http/peer-stamp.ts, so per-client throttles have no client to key on). Each test connects from its
// own loopback addresses (127.0.0.x), so these connections are different clients to the server and other test
// files' sign-ins from 127.0.0.1 are untouched.

const ADDRESSES = ["127.0.0.21", "127.0.0.22", "127.0.0.23"];
afterAll(async () => {
  await db.signInThrottle.deleteMany({ where: { OR: ADDRESSES.map((a) => ({ key: { contains: a } })) } });
});

let actionId: string | undefined;
async function signIn(options: { from: string; email: string; password: string; forwardedFor?: string }) {
  const url = new URL(`${inject("appUrl")}/sign-in`);
  if (!actionId) {
    await fetch(url);
    actionId = serverActionId("app/(auth)/sign-in/actions.ts", "signInAction");
  }
  const form = new FormData();
  form.append("_1_email", options.email);
  form.append("_1_password", options.password);
  form.append("0", JSON.stringify([{}, "$K1"]));
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const headers: Record<string, string> = {
    "next-action": actionId,
    accept: "text/x-component",
    origin: inject("appUrl"),
    "content-type": encoded.headers.get("content-type")!,
    "content-length": String(body.length),
  };
  if (options.forwardedFor) headers["x-forwarded-for"] = options.forwardedFor;
  return new Promise<"signed in" | "wrong" | "wait">((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers, localAddress: options.from }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => {
        if ((res.headers["x-action-redirect"] ?? "").toString().startsWith("/")) return resolve("signed in");
        if (text.includes("Too many attempts")) return resolve("wait");
        if (text.includes("don't match an account")) return resolve("wrong");
        reject(new Error(`unexpected answer (HTTP ${res.statusCode}): ${text.slice(0, 300)}`));
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe.skipIf(process.env.TEST_NEXT_MODE === "dev")("password sign-in throttles over HTTP", () => {
  it("key the client on its connection: a forged X-Forwarded-For per attempt doesn't buy a fresh allowance", { timeout: 180_000 }, async () => {
    const from = ADDRESSES[0]!;
    const results: string[] = [];
    // One wrong password sprayed over many emails, each attempt claiming another address. Past the allowance the
    // delays double (1 s, 2 s, …): however slow this machine answers, a "wait" comes within a few attempts.
    for (let i = 0; i < SIGN_IN_THROTTLES.client.free + 6 && !results.includes("wait"); i++) {
      results.push(await signIn({ from, email: `spray-${i}-${Date.now()}@example.test`, password: "Winter2026!", forwardedFor: `198.51.100.${i}` }));
    }
    expect(results.slice(0, SIGN_IN_THROTTLES.client.free).every((r) => r === "wrong")).toBe(true);
    expect(results.at(-1)).toBe("wait");
  });

  it("can't be used to lock an owner out: a stranger's failures slow only the stranger", { timeout: 120_000 }, async () => {
    const { user, password } = await createUser();
    const [stranger, owner] = [ADDRESSES[1]!, ADDRESSES[2]!];
    const guesses: string[] = [];
    for (let i = 0; i < SIGN_IN_THROTTLES.accountFromClient.free + 6 && !guesses.includes("wait"); i++) {
      guesses.push(await signIn({ from: stranger, email: user.email, password: `guess-${i}` }));
    }
    expect(guesses.at(-1)).toBe("wait");
    expect(await signIn({ from: owner, email: user.email, password })).toBe("signed in");
  });
});
