// s3rver ships no types; this covers the part of its API the dev stack uses.
declare module "s3rver" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  export default class S3rver {
    constructor(options: { directory: string; silent?: boolean; resetOnClose?: boolean });
    /** Koa's request handler: s3rver is a Koa app; scripts/stack/storage.ts serves it behind its own signature check. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}

// The account registry s3rver looks signed requests up in.
declare module "s3rver/lib/models/account.js" {
  const AWSAccount: { DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void } };
  export default AWSAccount;
}
