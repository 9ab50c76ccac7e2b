import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";

// The S3_* settings when given; otherwise s3rver (an S3-protocol server in Node) keeping objects on local disk.

export type StorageHandle = { env: Record<string, string>; embedded: boolean; stop: () => Promise<void> };

export async function startStorage(options: { endpoint?: string; dataDir: string; port: number }): Promise<StorageHandle> {
  if (options.endpoint) return { env: {}, embedded: false, stop: async () => undefined };
  await fs.mkdir(options.dataDir, { recursive: true });
  const { default: S3rver } = await import("s3rver");
  const server = new S3rver({ port: options.port, address: "127.0.0.1", directory: options.dataDir, silent: true });
  const address = (await server.run()) as AddressInfo;
  return {
    embedded: true,
    env: {
      S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    stop: () => server.close(),
  };
}
