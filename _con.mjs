import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseEvents, constructFromEvents, CORE_SCHEMA, mergeTag, getScalarValue, NOT_RESOLVED, nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag } from 'js-yaml';
const text = readFileSync('/work/shared/corpus/openapi/stripe/spec3.yaml', 'utf8');
const schema = CORE_SCHEMA.withTags(mergeTag);
const implicit = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
const byFirst = new Map();
for (const tag of implicit) for (const c of tag.implicitFirstChars) byFirst.set(c, [...(byFirst.get(c) ?? []), tag]);
function plain(source) {
  const tags = byFirst.get(source.length === 0 ? '' : source[0]);
  if (tags) for (const tag of tags) { const v = tag.resolve(source, false); if (v !== NOT_RESOLVED) return v; }
  return source;
}
function construct(source, events) {
  const stack = []; let top; let key; let result;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    let value;
    switch (e.type) {
      case 1: continue;
      case 2: stack.push(top, key); top = []; key = undefined; continue;
      case 3: stack.push(top, key); top = {}; key = undefined; continue;
      case 4: {
        if (e.tagStart !== -1) return undefined;
        const raw = getScalarValue(source, e);
        value = e.style === 1 ? plain(raw) : raw;
        break;
      }
      case 5: return undefined;
      case 6: {
        if (stack.length === 0) continue;
        value = top; key = stack.pop(); top = stack.pop(); break;
      }
    }
    if (top === undefined) { result = value; continue; }
    if (Array.isArray(top)) top.push(value);
    else if (key === undefined) { if (typeof value === 'object' && value !== null) return undefined; key = String(value); if (key === '<<') return undefined; }
    else { if (key === '__proto__') Object.defineProperty(top, key, { value, enumerable: true, writable: true, configurable: true }); else top[key] = value; key = undefined; }
  }
  return result;
}
const events = parseEvents(text, {});
let a, b;
for (let i = 0; i < 5; i++) {
  let s = performance.now(); a = constructFromEvents(events, { source: text, schema, json: true })[0]; const t1 = performance.now() - s;
  s = performance.now(); b = construct(text, events); const t2 = performance.now() - s;
  console.log(t1.toFixed(0), t2.toFixed(0));
}
console.log('equal', isDeepStrictEqual(a, b));
