import fs from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";

type Mail = { to: string[]; raw: string };

/** Every message the test SMTP server (tests/setup/smtp-server.ts) has received for this address so far. */
export async function mailTo(address: string): Promise<Mail[]> {
  const dir = inject("mailDir");
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const mails = await Promise.all(files.map(async (f) => JSON.parse(await fs.readFile(path.join(dir, f), "utf8")) as Mail));
  return mails.filter((m) => m.to.includes(address.toLowerCase()));
}

/** Waits for the first message to this address; the app sends it just after answering the request. */
export async function waitForMail(address: string, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await mailTo(address);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email for ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The magic link in a message's plain-text part (undoing quoted-printable soft breaks and escapes). */
export function signInLink(mail: Mail): string {
  const decoded = mail.raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const link = decoded.match(/https?:\/\/[^\s"<>]+\/api\/auth\/callback\/email\?[^\s"<>]+/)?.[0];
  if (!link) throw new Error(`no sign-in link in:\n${decoded}`);
  return link;
}
