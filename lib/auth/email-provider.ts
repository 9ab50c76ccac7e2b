import { after } from "next/server";
import type { EmailConfig } from "next-auth/providers/email";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/email/send-email";
import { magicLinkEmail } from "@/lib/auth/magic-link-email";

export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

// Magic-link sign-in: mailed through SMTP_URL, or written to the server log when no SMTP server is configured
// (what a developer on one machine needs); lib/email/send-email.ts decides which.
export function emailProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: env().EMAIL_FROM,
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      // `url` is built on APP_URL (publishAuthUrl in lib/env.ts), never on the requesting Host, which would let a
      // caller have someone else's link point at their own server.
      const message = magicLinkEmail({ url, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 });
      // Sent after the response, so a known address (mail sent) and an unknown one (nothing sent) take the same
      // time to answer. A delivery failure is logged; the person asks for another link.
      after(async () => {
        try {
          await sendEmail({ to: identifier, ...message });
        } catch (error) {
          console.error(`[auth] could not send the sign-in link to ${identifier}`, error);
        }
      });
    },
  };
}
