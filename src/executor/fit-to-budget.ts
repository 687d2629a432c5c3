// Cuts what the model reads to a character budget, at whole array items when it can, with a note saying so.

// Room kept for the note that says what was cut.
const noteRoom = 120;

function largestArrayKey(value: Record<string, unknown>): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item) && item.length > bestLength) {
      best = key;
      bestLength = item.length;
    }
  }
  return best;
}

/** How many leading items of `items` fit in `room` characters of JSON next to `overhead` characters. */
function countFitting(items: unknown[], overhead: number, room: number): number {
  let used = overhead;
  let count = 0;
  for (const item of items) {
    used += (JSON.stringify(item) ?? 'null').length + (count > 0 ? 1 : 0);
    if (used > room) break;
    count += 1;
  }
  return count;
}

/**
 * Renders `value` for the model: strings as they are, anything else as compact JSON, at most `budget`
 * characters. When it is longer, an array (the value itself, or the largest array of an object such
 * as `{items: [...], total: 120}`) keeps as many whole leading items as fit, so the model still reads
 * valid JSON; otherwise the text is cut. Either way a note at the end says what was left out.
 */
export function fitToBudget(value: unknown, budget: number): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  if (text.length <= budget) return text;
  const room = Math.max(budget - noteRoom, 0);
  if (typeof value === 'object' && value !== null) {
    const key = Array.isArray(value) ? undefined : largestArrayKey(value as Record<string, unknown>);
    const items = Array.isArray(value)
      ? value
      : key === undefined
        ? undefined
        : ((value as Record<string, unknown>)[key] as unknown[]);
    if (items) {
      const shell = key === undefined ? '[]' : JSON.stringify({ ...value, [key]: [] });
      const count = countFitting(items, shell.length, room);
      if (count > 0) {
        const kept = items.slice(0, count);
        const cut = key === undefined ? kept : { ...value, [key]: kept };
        const where = key === undefined ? 'items' : `items of "${key}"`;
        return `${JSON.stringify(cut)}\n[Cut to fit: showing the first ${count} of ${items.length} ${where}; the full response has ${text.length} characters.]`;
      }
    }
  }
  return `${text.slice(0, room)}\n[Cut to fit: showing the first ${room} of ${text.length} characters.]`;
}
