// The sign-in email. Plain text first (it is what many corporate clients show), with a minimal HTML twin.
export function magicLinkEmail(options: { url: string; expiresInMinutes: number }) {
  const { url, expiresInMinutes } = options;
  const subject = "Your Asset Studio sign-in link";
  const text = [
    "Use this link to sign in to Asset Studio:",
    "",
    url,
    "",
    `It works once and expires in ${expiresInMinutes} minutes.`,
    "If you didn't ask for it, ignore this email: nobody can sign in without the link.",
  ].join("\n");
  const href = escapeHtml(url);
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>Use this link to sign in to Asset Studio:</p>
<p><a href="${href}" style="display:inline-block;padding:10px 16px;background:#7c9cff;color:#0b1020;border-radius:8px;text-decoration:none;font-weight:600">Sign in to Asset Studio</a></p>
<p style="color:#555">It works once and expires in ${expiresInMinutes} minutes. If you didn't ask for it, ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
