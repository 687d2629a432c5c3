// Test helper: a Kysely plugin that fails one chosen write (insert, update or delete) of the store,
// to check that a failure at any write leaves nothing half-saved.
import type { KyselyPlugin } from 'kysely';

/** Controls which write fails. */
export interface WriteFailures {
  /** Add to the store's plugins. */
  plugin: KyselyPlugin;
  /** Fails the `n`-th write from now (1 = the next one) and the `count - 1` writes after it. */
  failAt(n: number, count?: number): void;
  /** Stops failing and resets the count. */
  disarm(): void;
  /** Writes seen since the last arming (or disarming). */
  writes(): number;
  /** Whether the armed failure has happened. */
  fired(): boolean;
}

const writeKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/** Creates a disarmed failure injector. */
export function createWriteFailures(): WriteFailures {
  let target = 0;
  let last = 0;
  let seen = 0;
  let fired = false;
  return {
    plugin: {
      transformQuery({ node }) {
        if (writeKinds.has(node.kind)) {
          seen += 1;
          if (target > 0 && seen >= target && seen <= last) {
            fired = true;
            throw new Error(`injected failure at write ${seen} (${node.kind})`);
          }
        }
        return node;
      },
      transformResult: async ({ result }) => result,
    },
    failAt(n, count = 1) {
      target = n;
      last = n + count - 1;
      seen = 0;
      fired = false;
    },
    disarm() {
      target = 0;
      last = 0;
      seen = 0;
      fired = false;
    },
    writes: () => seen,
    fired: () => fired,
  };
}
