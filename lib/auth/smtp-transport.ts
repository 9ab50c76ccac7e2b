import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let transport: Transporter | undefined;

/** One pooled SMTP connection per process, built from SMTP_URL; null when email delivery is not configured. */
export function smtpTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  transport ??= createTransport(url);
  return transport;
}
