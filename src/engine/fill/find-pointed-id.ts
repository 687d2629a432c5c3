// The one id of the agent's listing that the customer points at: "the second one", "the last
// one", "cancel the paris one", "show me Lucky Bamboo's menu".
import { contentStems, type QueryId } from '../../tools/index.js';

/** Ordinals a customer points into a list with, as positions (from the end when negative). */
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  former: 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
  latter: -1,
};
const ORDINAL = new RegExp(
  `\\b(${Object.keys(ORDINALS).join('|')})\\b(?!\\s+(?:time|of\\s+(?:all|the\\s+month)))`,
  'i',
);

/** Where the items of a listing part ("A (id 1), B (id 2) and C (id 3)"; one item a line or a clause). */
const ITEM_SEPARATOR = /[,;\n]|\band\b|\bor\b/i;

/**
 * The id of `ids` (read from the agent's `turn`) that `message` points at, when the turn lists
 * several: by an ordinal ("the second one"), or by words of the message that stand beside one id
 * only ("the paris one" where one booking goes to Paris). Undefined when it points at none or the
 * turn lists fewer than two.
 */
export function findPointedId(message: string, turn: string, ids: QueryId[]): QueryId | undefined {
  const listed = [...new Map(ids.map((id) => [id.text, id])).values()]
    .map((id) => ({ id, at: turn.indexOf(id.written ?? id.text) }))
    .filter((entry) => entry.at >= 0)
    .sort((left, right) => left.at - right.at);
  if (listed.length < 2) return undefined;
  const ordinal = ORDINAL.exec(message)?.[1].toLowerCase();
  if (ordinal) {
    const place = ORDINALS[ordinal];
    return listed[place > 0 ? place - 1 : listed.length + place]?.id;
  }
  // Each item of the listing with the one id it holds.
  const items: { id: QueryId; stems: Set<string> }[] = [];
  let start = 0;
  for (const part of turn.split(ITEM_SEPARATOR)) {
    const at = turn.indexOf(part, start);
    start = at + part.length;
    const held = listed.filter((entry) => entry.at >= at && entry.at < at + part.length);
    if (held.length === 1) items.push({ id: held[0].id, stems: new Set(contentStems(part)) });
  }
  const idWords = new Set(listed.flatMap((entry) => contentStems(entry.id.text)));
  const words = contentStems(message).filter((stem) => !idWords.has(stem));
  const pointed = new Set<QueryId>();
  for (const stem of words) {
    const holding = items.filter((item) => item.stems.has(stem));
    if (holding.length === 1) pointed.add(holding[0].id);
  }
  return pointed.size === 1 ? [...pointed][0] : undefined;
}
