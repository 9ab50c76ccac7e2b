import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// The one Prisma client. Cached on globalThis so Next's hot reload doesn't open a new pool on every edit.

function createClient() {
  const base = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL }) });
  return base.$extends({
    query: {
      $allModels: {
        // An empty or undefined `where` in a bulk write would touch every row of the table: refuse it.
        async updateMany({ model, args, query }) {
          assertWhere(model, "updateMany", args.where);
          return query(args);
        },
        async deleteMany({ model, args, query }) {
          assertWhere(model, "deleteMany", args.where);
          return query(args);
        },
      },
    },
  });
}

function assertWhere(model: string, operation: string, where: unknown) {
  const empty = !where || Object.values(where as object).every((v) => v === undefined);
  if (empty) throw new Error(`${model}.${operation} needs a where clause`);
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, for lib functions that must run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { assetStudioDb?: Db };

function client(): Db {
  globalForDb.assetStudioDb ??= createClient();
  return globalForDb.assetStudioDb;
}

// Lazy, so that importing this module (e.g. while `next build` collects routes) doesn't need DATABASE_URL.
export const db: Db = new Proxy({} as Db, {
  get(_, prop) {
    const target = client();
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

export async function disconnectDb() {
  await globalForDb.assetStudioDb?.$disconnect();
  globalForDb.assetStudioDb = undefined;
}
