import type { EmailConfig } from "next-auth/providers/email";

// Magic-link sign-in. Until SMTP delivery lands (teams & access issue) the link is written to the server log, which
// is what a developer on one machine needs; with SMTP_URL configured it will be mailed instead.
export function emailProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: "Asset Studio",
    maxAge: 15 * 60,
    options: {},
    async sendVerificationRequest({ identifier, url }) {
      console.info(`[auth] magic sign-in link for ${identifier}: ${url}`);
    },
  };
}
