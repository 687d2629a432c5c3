// Security regression: the files that hold data (the SQLite database with its WAL, the generated
// secret key) are readable by their owner only, in a directory only the owner can list.
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfiguredStore } from '../open-configured-store.js';
import { readServerConfig } from '../server-config.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('security: data files are created 0600', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('creates the data directory 0700 and the database, its WAL and the secret key 0600', async () => {
    const root = mkdtempSync(join(tmpdir(), 'concierge-files-'));
    roots.push(root);
    const dataDir = join(root, 'data');
    const store = await openConfiguredStore(readServerConfig({ CONCIERGE_DATA_DIR: dataDir }));
    try {
      await store.properties.create({ name: 'Shop' });
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of ['concierge.db', 'concierge.db-wal', 'concierge.db-shm', 'secret.key'])
        expect(modeOf(join(dataDir, file)), file).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('narrows a database file created 0644 by an earlier version', async () => {
    const root = mkdtempSync(join(tmpdir(), 'concierge-files-'));
    roots.push(root);
    mkdirSync(root, { recursive: true });
    const database = join(root, 'concierge.db');
    closeSync(openSync(database, 'w', 0o644));
    chmodSync(database, 0o644);
    const store = await openConfiguredStore(readServerConfig({ CONCIERGE_DATA_DIR: root }));
    try {
      expect(modeOf(database)).toBe(0o600);
    } finally {
      await store.close();
    }
  });
});
