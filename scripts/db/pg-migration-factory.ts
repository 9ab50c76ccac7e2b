import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { CharAsTextClient, restoreCharColumns } from "./char-columns";
import { dropDatabase, ensureDatabase } from "./ensure-database";
import { poolConfigFromUrl, withDatabaseName } from "./pg-config";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function enginePoolConfig(databaseUrl: string): pg.PoolConfig {
  return { ...poolConfigFromUrl(databaseUrl), Client: CharAsTextClient };
}

function withCharColumns(transaction: Transaction): Transaction {
  return Object.assign(Object.create(transaction) as Transaction, {
    queryRaw: async (query: SqlQuery) => restoreCharColumns(await transaction.queryRaw(query)),
  });
}

// The fixes the schema engine needs on top of @prisma/adapter-pg 7.10:
// - `"char"` catalog columns typed as Character (see char-columns.ts);
// - scripts sent whole: the adapter splits them on ";", which breaks any literal or function body holding one.
//   One simple-protocol query is also what the native engine does (an implicit transaction per script).
function forSchemaEngine(adapter: PgAdapter, dispose: () => Promise<void>): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    queryRaw: async (query: SqlQuery) => restoreCharColumns(await adapter.queryRaw(query)),
    startTransaction: async (...args: Parameters<PgAdapter["startTransaction"]>) =>
      withCharColumns(await adapter.startTransaction(...args)),
    executeScript: async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        // The adapter's own mapping, so the engine reports SQLSTATE and message properly.
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    },
    dispose,
  });
}

/**
 * The pg adapter factory the schema engine drives. The shadow database gets its own pool config (PrismaPg's
 * own connectToShadowDb keeps the connection string, which points the "shadow" back at the main database)
 * and is dropped on dispose. close() ends whatever the engine left open.
 */
export class PgMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();
  private readonly shadows = new Set<string>();

  constructor(private readonly databaseUrl: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await new PrismaPg(enginePoolConfig(this.databaseUrl)).connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowUrl = withDatabaseName(this.databaseUrl, `prisma_shadow_${randomUUID().replaceAll("-", "")}`);
    this.shadows.add(shadowUrl);
    await ensureDatabase(shadowUrl);
    return this.track(await new PrismaPg(enginePoolConfig(shadowUrl)).connect(), () => this.dropShadow(shadowUrl));
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
    await Promise.all([...this.shadows].map((url) => this.dropShadow(url)));
  }

  // Idempotent dispose: the engine disposes some adapters itself, close() the rest.
  private track(adapter: PgAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter {
    let disposed: Promise<void> | undefined;
    const wrapped = forSchemaEngine(adapter, () => {
      disposed ??= (async () => {
        this.open.delete(wrapped);
        await adapter.dispose();
        await afterDispose?.();
      })();
      return disposed;
    });
    this.open.add(wrapped);
    return wrapped;
  }

  private async dropShadow(url: string): Promise<void> {
    if (!this.shadows.delete(url)) return;
    await dropDatabase(url);
  }
}
