// A postal address given in one go ("445 Maple Drive, Suite 394, Fort Worth, TX 76165, USA") split
// between the inputs of a schema that asks for its parts apart: street line, second line, city, state,
// postal code and country, each input recognised by its name (`address1`, `address_2`, `line1`,
// `city`, `state`, `province`, `zip`, `postcode`, `postal_code`, `country`...).
import type { ClassifiedParameter } from './classify-parameter.js';

/** The parts of an address, in the order a written address gives them. */
type AddressPart = 'line1' | 'line2' | 'city' | 'state' | 'postcode' | 'country';

const PART_NAMES: [AddressPart, RegExp][] = [
  ['line2', /^(?:address_?(?:line_?)?2|line_?2|street_?2|apartment|suite|unit)$/],
  ['line1', /^(?:address_?(?:line_?)?1|line_?1|street(?:_?(?:address|1|line))?)$/],
  ['city', /^(?:city|town|locality)(?:_?name)?$/],
  ['state', /^(?:state|province|region|county)(?:_?(?:code|name))?$/],
  ['postcode', /^(?:zip|zip_?code|post_?code|postal_?code)$/],
  ['country', /^country(?:_?(?:code|name|id))?$/],
];

/** The address part an input's name asks for (`shipping_city` is a city: the last words count). */
function partOf(name: string): AddressPart | undefined {
  const words = name
    .replace(/([a-z])([A-Z0-9])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (const size of [3, 2, 1]) {
    if (words.length < size) continue;
    const tail = words.slice(-size).join('_');
    const found = PART_NAMES.find(([, pattern]) => pattern.test(tail));
    if (found) return found[0];
  }
  return undefined;
}

/**
 * A street line at the end of a piece: a house number, then a name in capitals or ending in a street
 * word ("445 Maple Drive", "14 Kings Road", "27 birch lane"), so that "2 kids" is none.
 */
const STREET =
  /(?:^|\s)(\d+[A-Za-z]?(?:-\d+)?\s+(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,5}|(?:[a-z][\w.'-]*\s+){0,4}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|parkway|pkwy|terrace|highway|hwy|square|sq|close|crescent)\.?))$/;
/** A courtesy after the last part of an address ("… ME 04609 please", "… 97205 thanks"). */
const COURTESY_AFTER = /\s+(?:please|pls|plz|thanks|thank you|thx|asap)\W*$/i;
/** A second line: an apartment, suite, unit, flat or floor. */
const SECOND_LINE = /^(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|building|bldg|#)\.?\s*#?\s*[\w-]+$/i;
/** A state or province and a postal code ("TX 76165", "OR 97205-1234", "ON K1A 0B1"). */
const STATE_POSTCODE =
  /^([A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$/;
/** A city, a state's two capitals and a ZIP code in one piece ("Portland OR 97205", "Fort Worth TX 76165"). */
const CITY_STATE_POSTCODE = /^([A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)*?)\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;
/** A place name ending in a UK-style postcode ("Brighton BN1 2PA"). */
const PLACE_POSTCODE = /^([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*)\s+([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$/;
const POSTCODE = /^(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$/;
/** A place or country name: capitalised words, or letters in capitals ("USA"). */
const PLACE = /^(?:[A-Z][\w'.-]*)(?:\s(?:[A-Z][\w'.-]*|of|and|the))*$/;

/** Reads one comma-separated piece after the street line into `parts`; false when it is no address part. */
function readPart(piece: string, parts: Partial<Record<AddressPart, string>>): boolean {
  const statePostcode = STATE_POSTCODE.exec(piece);
  const placePostcode = PLACE_POSTCODE.exec(piece);
  const place = PLACE.test(piece);
  const cityStatePostcode = CITY_STATE_POSTCODE.exec(piece);
  if (!parts.line2 && !parts.city && SECOND_LINE.test(piece)) parts.line2 = piece;
  else if (cityStatePostcode && !parts.city && !parts.postcode) {
    parts.city = cityStatePostcode[1];
    parts.state = cityStatePostcode[2];
    parts.postcode = cityStatePostcode[3];
  } else if (statePostcode && parts.city && !parts.postcode) {
    parts.state = statePostcode[1];
    parts.postcode = statePostcode[2];
  } else if (placePostcode && !parts.city) {
    parts.city = placePostcode[1];
    parts.postcode = placePostcode[2];
  } else if (POSTCODE.test(piece) && !parts.postcode) parts.postcode = piece;
  else if (place && !parts.city) parts.city = piece;
  else if (place && !parts.state && !parts.postcode && piece.split(' ').length <= 3) parts.state = piece;
  else if (place && (parts.postcode || parts.state) && !parts.country) parts.country = piece;
  else return false;
  return true;
}

/** An address found in a message: its parts and where it stands. */
export interface FoundAddress {
  parts: Partial<Record<AddressPart, string>>;
  start: number;
  end: number;
}

/**
 * The first address written as comma-separated parts that starts with a street line (or a second
 * line and then the street) and goes on to at least a city or a postal code.
 */
export function findAddress(text: string): FoundAddress | undefined {
  const pieces = [...text.matchAll(/[^,;\n]+/g)].map((match) => {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    return { text: raw.trim(), start: match.index + lead, end: match.index + lead + raw.trim().length };
  });
  for (let first = 0; first < pieces.length; first++) {
    // The street line may follow words that lead to it ("change it to 27 Birch Lane").
    const streetAt = (index: number) => {
      const piece = pieces[index];
      const match = piece && STREET.exec(piece.text);
      if (!match) return undefined;
      return { text: match[1], start: piece.start + match.index + match[0].length - match[1].length };
    };
    const parts: FoundAddress['parts'] = {};
    let start: number;
    let next = first + 1;
    const leading = /(?:^|\s)((?:apt|apartment|suite|ste|unit|flat|floor|fl)\.?\s*#?\s*[\w-]+)$/i.exec(
      pieces[first].text,
    );
    const street = streetAt(first);
    if (street) {
      parts.line1 = street.text;
      start = street.start;
    } else if (leading && streetAt(first + 1)) {
      const line1 = streetAt(first + 1);
      parts.line2 = leading[1];
      parts.line1 = line1?.text;
      start = pieces[first].start + (leading.index ?? 0) + (leading[0].length - leading[1].length);
      next = first + 2;
    } else continue;
    let end = pieces[next - 1].end;
    for (let index = next; index < pieces.length; index++) {
      // A sentence may follow a postal code ("OR 97205. Thanks!").
      // So may a courtesy ("ME 04609 please").
      const piece = pieces[index].text
        .replace(/(\d)[.!?]\s.*$/, '$1')
        .replace(/[.!?]+$/, '')
        .replace(COURTESY_AFTER, '');
      if (readPart(piece, parts)) {
        end = pieces[index].start + piece.length;
        continue;
      }
      // The address may end inside a piece ("USA instead", "Ottawa please").
      const lead = /^[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)*/.exec(piece)?.[0];
      if (lead && readPart(lead, parts)) end = pieces[index].start + lead.length;
      break;
    }
    if (parts.city || parts.postcode) return { parts, start, end };
  }
  return undefined;
}

/** Whether inputs of these names take an address: a street line and at least one more part. */
export function takesAddress(names: readonly string[]): boolean {
  const parts = new Set(names.map(partOf).filter((part) => part !== undefined));
  return parts.has('line1') && parts.size >= 2;
}

/**
 * The address inputs of `parameters` filled from the message's first address (`findAddress`), when the schema
 * asks for a street line and at least one more part. A second line the schema requires but the
 * address lacks is empty: the address has none.
 */
export function splitAddress(
  parameters: ClassifiedParameter[],
  address: FoundAddress | undefined,
):
  | {
      values: Map<ClassifiedParameter, string>;
      /** Every address input of the schema: those the address does not give stay empty. */
      parts: ClassifiedParameter[];
      start: number;
      end: number;
    }
  | undefined {
  const byPart = new Map<AddressPart, ClassifiedParameter>();
  for (const parameter of parameters) {
    if (parameter.type !== undefined && parameter.type !== 'string') continue;
    const part = partOf(parameter.name);
    if (part && !byPart.has(part)) byPart.set(part, parameter);
  }
  if (!byPart.has('line1') || byPart.size < 2) return undefined;
  if (!address) return undefined;
  const values = new Map<ClassifiedParameter, string>();
  for (const [part, parameter] of byPart) {
    const value = address.parts[part];
    if (value !== undefined) values.set(parameter, value);
    else if (part === 'line2' && parameter.required) values.set(parameter, '');
  }
  return { values, parts: [...byPart.values()], start: address.start, end: address.end };
}
