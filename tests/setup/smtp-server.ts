import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { SMTPServer } from "smtp-server";

declare module "vitest" {
  export interface ProvidedContext {
    mailDir: string;
  }
}

// A local SMTP server for the magic-link tests. It runs in vitest's main process while tests run in workers, so
// each message is written to a file ({ to, raw }) in `dir`, which tests read (tests/integration/auth/mailbox.ts).
export async function startSmtpServer(options: { port: number; dir: string }) {
  await fs.rm(options.dir, { recursive: true, force: true });
  await fs.mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const file = path.join(options.dir, `${Date.now()}-${randomBytes(4).toString("hex")}.json`);
        const raw = Buffer.concat(chunks).toString("utf8");
        fs.writeFile(file, JSON.stringify({ to, raw })).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    dir: options.dir,
    env: { SMTP_URL: `smtp://127.0.0.1:${options.port}`, EMAIL_FROM: "Asset Studio <studio@example.test>" },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(options.dir, { recursive: true, force: true });
    },
  };
}
