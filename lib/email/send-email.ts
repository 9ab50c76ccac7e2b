import { env } from "@/lib/env";

export type Email = { to: string; subject: string; text: string };

type Transport = { sendMail(message: Email & { from: string }): Promise<unknown> };
let transport: Promise<Transport> | undefined;

/**
 * Sends one plain-text email through SMTP_URL. Without SMTP configured (a developer's machine) the message is written
 * to the server log instead, so sign-in links and invitations still work on one machine.
 */
export async function sendEmail(email: Email): Promise<{ delivered: boolean }> {
  const { SMTP_URL, EMAIL_FROM } = env();
  if (!SMTP_URL) {
    console.info(`[email] to ${email.to}: ${email.subject}\n${email.text}`);
    return { delivered: false };
  }
  // Loaded lazily so that code paths which never send mail don't pay for nodemailer.
  transport ??= import("nodemailer").then((m) => m.createTransport(SMTP_URL) as Transport);
  await (await transport).sendMail({ ...email, from: EMAIL_FROM });
  return { delivered: true };
}
