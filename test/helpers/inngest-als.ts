/**
 * Gives the Inngest SDK its AsyncLocalStorage under Jest. The SDK loads
 * `node:async_hooks` with a dynamic import(), which Jest's CommonJS
 * sandbox refuses, so it would run without async context (and warn) while
 * Lambda runs with it. Seeding the SDK's global cache with a real store
 * makes tests run the way production does. Import before any execution.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const key = Symbol.for('inngest:als');
const global = globalThis as unknown as Record<symbol, unknown>;
if (!global[key]) {
  const als = new AsyncLocalStorage();
  global[key] = {
    promise: Promise.resolve(als),
    resolved: als,
    isFallback: false,
  };
}
