// The admin token on first start: generated, stored as a hash, and returned once to be printed.
import { hashToken, newToken, type Store } from '../store/index.js';
import { ADMIN_TOKEN_SETTING } from './authenticate.js';

/**
 * Returns the new token when this call created it (first start without CONCIERGE_ADMIN_TOKEN),
 * otherwise undefined. Safe when several servers start at once: only one stores its token.
 */
export async function ensureAdminToken(store: Store, configured?: string): Promise<string | undefined> {
  if (configured) return undefined;
  if (await store.access.getSetting(ADMIN_TOKEN_SETTING)) return undefined;
  const token = newToken('cat_', 24);
  const stored = await store.access.setSettingIfAbsent(ADMIN_TOKEN_SETTING, hashToken(token));
  return stored ? token : undefined;
}
