// The sign-in email, plain text like the studio's other emails (lib/email/send-email.ts): every client shows it,
// and the link is the whole message.
export function magicLinkEmail(options: { url: string; expiresInMinutes: number }) {
  return {
    subject: "Your Asset Studio sign-in link",
    text: [
      "Use this link to sign in to Asset Studio:",
      "",
      options.url,
      "",
      `It works once and expires in ${options.expiresInMinutes} minutes.`,
      "If you didn't ask for it, ignore this email: nobody can sign in without the link.",
    ].join("\n"),
  };
}
