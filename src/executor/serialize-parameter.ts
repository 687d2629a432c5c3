// Serializes one parameter value per OpenAPI's style and explode rules for path, query, header and cookie.
import type { ToolParameter } from '../tools/index.js';

type Encode = (text: string) => string;

// Reserved characters RFC 3986 allows in a query unencoded; `&`, `=`, `+` and `#` stay encoded even
// with allowReserved, since sending them raw would split the value or end the query.
const reservedEscapes = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi;

function encodeReserved(text: string): string {
  return encodeURIComponent(text).replace(reservedEscapes, (sequence) => decodeURIComponent(sequence));
}

/**
 * A header value as printable ASCII: control characters (header injection), text outside ASCII (fetch
 * refuses past Latin-1; servers read Latin-1 bytes each their own way) and `%` itself percent-encoded
 * as UTF-8, so `decodeURIComponent` reads every value back; a value with none of them is unchanged.
 */
export function encodeHeaderValue(text: string): string {
  return text.replace(/[^\x20-\x24\x26-\x7e]/gu, (character) => encodeURIComponent(character));
}

/** A value inside an array or object as text; nested structures, which no style defines, as JSON. */
function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}

/** simple, label and matrix styles (path; simple also for headers and cookies). */
function serializeSimple(parameter: ToolParameter, value: unknown, explode: boolean, encode: Encode): string {
  const style = parameter.style ?? 'simple';
  const name = encode(parameter.name);
  const pairs = (entries: [string, unknown][], separator: string) =>
    entries.map(([key, item]) => `${encode(key)}${separator}${encode(toText(item))}`);
  if (Array.isArray(value)) {
    const items = value.map((item) => encode(toText(item)));
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix')
      return explode ? items.map((item) => `;${name}=${item}`).join('') : `;${name}=${items.join(',')}`;
    return items.join(',');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = entriesOf(value);
    const flat = pairs(entries, ',').join(',');
    if (style === 'label') return `.${explode ? pairs(entries, '=').join('.') : flat}`;
    if (style === 'matrix')
      return explode
        ? pairs(entries, '=')
            .map((pair) => `;${pair}`)
            .join('')
        : `;${name}=${flat}`;
    return explode ? pairs(entries, '=').join(',') : flat;
  }
  const text = encode(toText(value));
  if (style === 'label') return `.${text}`;
  if (style === 'matrix') return `;${name}=${text}`;
  return text;
}

/** deepObject: `filter[color]=red&filter[size][]=m`; nesting and arrays follow the common qs convention. */
function serializeDeepObject(prefix: string, value: unknown, encode: Encode): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => serializeDeepObject(`${prefix}[]`, item, encode));
  if (typeof value === 'object' && value !== null) {
    return entriesOf(value).flatMap(([key, item]) =>
      serializeDeepObject(`${prefix}[${encode(key)}]`, item, encode),
    );
  }
  return [`${prefix}=${encode(toText(value))}`];
}

function serializeQuery(parameter: ToolParameter, value: unknown, explode: boolean): string {
  const encode: Encode = parameter.allowReserved ? encodeReserved : encodeURIComponent;
  const name = encode(parameter.name);
  const style = parameter.style ?? 'form';
  if (style === 'deepObject') return serializeDeepObject(name, value, encode).join('&');
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    const items = value.map((item) => encode(toText(item)));
    return explode ? items.map((item) => `${name}=${item}`).join('&') : `${name}=${items.join(delimiter)}`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = entriesOf(value);
    if (explode) return entries.map(([key, item]) => `${encode(key)}=${encode(toText(item))}`).join('&');
    return `${name}=${entries.map(([key, item]) => `${encode(key)}${delimiter}${encode(toText(item))}`).join(delimiter)}`;
  }
  return `${name}=${encode(toText(value))}`;
}

/**
 * Serializes `value` for where `parameter` goes: for `path` the text replacing `{name}`, for `query`
 * the encoded `name=value` pairs joined by `&` (empty when there is nothing to send), for `header` the
 * header value, for `cookie` a `name=value` pair. Styles and explode defaults follow OpenAPI 3.1.
 */
export function serializeParameter(parameter: ToolParameter, value: unknown): string {
  const defaultStyle = parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple';
  const explode = parameter.explode ?? (parameter.style ?? defaultStyle) === 'form';
  switch (parameter.in) {
    case 'path':
      return serializeSimple(parameter, value, explode, encodeURIComponent);
    case 'query':
      return serializeQuery(parameter, value, explode);
    case 'header':
      return serializeSimple({ ...parameter, style: 'simple' }, value, explode, encodeHeaderValue);
    case 'cookie':
      return `${encodeURIComponent(parameter.name)}=${serializeSimple({ ...parameter, style: 'simple' }, value, false, encodeURIComponent)}`;
  }
}
