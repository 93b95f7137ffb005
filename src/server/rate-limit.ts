/**
 * Rate limits that hold across instances. @fastify/rate-limit counts in the
 * process by default; with several ledger instances behind a load balancer
 * each would allow the full limit, so the counters live in the database: one
 * row per bucket (a site origin or an API key) and fixed window, incremented
 * atomically by an upsert (store.countHit). The cost is one small write per
 * limited request, on a table that needs no durability (UNLOGGED on
 * PostgreSQL, an fsync-free connection on SQLite).
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';
import type { Store } from './store/types';

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A store class in the shape @fastify/rate-limit instantiates (`new Store(options)`), counting in `store`. */
export function databaseRateStore(store: Store) {
  return class DatabaseRateStore {
    incr(key: string, callback: IncrCallback, timeWindow: number): void {
      const now = Date.now();
      const windowStart = now - (now % timeWindow);
      store.countHit(key, windowStart).then(
        (current) => callback(null, { current, ttl: windowStart + timeWindow - now }),
        (error: Error) => callback(error),
      );
    }
    child(): this {
      return this;
    }
  };
}

/** Route options for a limit of `max` a minute per bucket; `setting` names the variable that sets it. */
export function perMinute(max: number, setting: string, bucket: (request: FastifyRequest) => string, per: string) {
  return {
    max,
    timeWindow: 60_000,
    keyGenerator: bucket,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new HttpError(429, `rate limit: at most ${max} requests a minute ${per} (${setting}); retry in ${Math.max(1, Math.ceil(context.ttl / 1000))} s`),
  };
}
