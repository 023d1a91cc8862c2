import { Pool } from 'pg';

/**
 * For benchmarks on PostgreSQL (BENCH_DATABASE_URL, default the machine's postgres://postgres@127.0.0.1:5432/test):
 * a URL whose tables live in a new schema, dropped afterwards. Undefined when PostgreSQL cannot be reached.
 */
export async function freshBenchSchema(name: string): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${name}_${Date.now()}`;
  const admin = new Pool({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch {
    await admin.end();
    return undefined;
  }
  return {
    url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
