/**
 * Lets only one instance run a worker at a time (see storage/leaseRows.ts). Each instance tries to take or
 * renew the lease before each round of work; the holder keeps it by renewing, and loses it only by stopping.
 */
import { randomUUID } from 'node:crypto';
import { holdLease, releaseLease } from '../storage/leaseRows';
import type { SqlExecutor } from '../storage/sqlDriver';

export class WorkerLease {
  private readonly holder = randomUUID();
  /** When this instance last took or renewed the lease; until a third of its life has passed, no need to ask again. */
  private renewedAt?: number;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly name: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while this instance holds the lease (taking it if it is free or expired). */
  async hold(): Promise<boolean> {
    const now = this.now();
    if (this.renewedAt !== undefined && now - this.renewedAt < this.ttlMs / 3) return true;
    const held = await holdLease(this.sql, this.name, this.holder, now, this.ttlMs);
    this.renewedAt = held ? now : undefined;
    return held;
  }

  async release(): Promise<void> {
    this.renewedAt = undefined;
    await releaseLease(this.sql, this.name, this.holder);
  }
}
