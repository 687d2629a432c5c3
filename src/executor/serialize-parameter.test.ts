import { describe, expect, it } from 'vitest';
import type { ToolParameter } from '../tools/index.js';
import { serializeParameter } from './serialize-parameter.js';

const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

function parameter(options: Partial<ToolParameter> & Pick<ToolParameter, 'in'>): ToolParameter {
  return { name: 'color', inputName: 'color', required: false, schema: {}, ...options };
}

// The style tables of the OpenAPI 3.1 specification (section 4.8.12.4, "Style Examples").
describe('serializeParameter follows the OpenAPI style examples', () => {
  it.each([
    ['simple', false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    ['simple', true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
    ['label', false, '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
    ['label', true, '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
    ['matrix', false, ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
    ['matrix', true, ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ] as const)('path style %s explode %s', (style, explode, forString, forArray, forObject) => {
    const path = parameter({ in: 'path', style, explode });
    expect(serializeParameter(path, string)).toBe(forString);
    expect(serializeParameter(path, array)).toBe(forArray);
    expect(serializeParameter(path, object)).toBe(forObject);
  });

  it.each([
    ['form', false, 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    ['form', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
    [
      'spaceDelimited',
      false,
      'color=blue',
      'color=blue%20black%20brown',
      'color=R%20100%20G%20200%20B%20150',
    ],
    ['pipeDelimited', false, 'color=blue', 'color=blue|black|brown', 'color=R|100|G|200|B|150'],
  ] as const)('query style %s explode %s', (style, explode, forString, forArray, forObject) => {
    const query = parameter({ in: 'query', style, explode });
    expect(serializeParameter(query, string)).toBe(forString);
    expect(serializeParameter(query, array)).toBe(forArray);
    expect(serializeParameter(query, object)).toBe(forObject);
  });

  it('query deepObject, nested objects and arrays the way qs reads them', () => {
    const query = parameter({ in: 'query', name: 'filter', style: 'deepObject', explode: true });
    expect(serializeParameter(query, object)).toBe('filter[R]=100&filter[G]=200&filter[B]=150');
    expect(serializeParameter(query, { size: ['s', 'm'], price: { max: 50 } })).toBe(
      'filter[size][]=s&filter[size][]=m&filter[price][max]=50',
    );
  });

  it('defaults query to form with explode and path and header to simple without', () => {
    expect(serializeParameter(parameter({ in: 'query' }), array)).toBe('color=blue&color=black&color=brown');
    expect(serializeParameter(parameter({ in: 'path' }), object)).toBe('R,100,G,200,B,150');
    expect(serializeParameter(parameter({ in: 'header', name: 'X-Colors' }), array)).toBe('blue,black,brown');
  });
});

describe('serializeParameter encodes awkward values', () => {
  it('percent-encodes spaces, slashes and unicode in path segments', () => {
    expect(serializeParameter(parameter({ in: 'path' }), 'a b/c é?#')).toBe('a%20b%2Fc%20%C3%A9%3F%23');
  });

  it('keeps query delimiters out of values', () => {
    expect(serializeParameter(parameter({ in: 'query', name: 'q' }), 'bags & shoes=50% +1 #2')).toBe(
      'q=bags%20%26%20shoes%3D50%25%20%2B1%20%232',
    );
    expect(serializeParameter(parameter({ in: 'query', name: 'tags' }), ['a,b', 'ü'])).toBe(
      'tags=a%2Cb&tags=%C3%BC',
    );
  });

  it('with allowReserved sends reserved characters as they are, but never & = + #', () => {
    const query = parameter({ in: 'query', name: 'next', allowReserved: true });
    expect(serializeParameter(query, '/a/b?c=1&d+e#f [x]')).toBe('next=/a/b?c%3D1%26d%2Be%23f%20[x]');
  });

  it('sends numbers, booleans and null as text', () => {
    const query = parameter({ in: 'query', name: 'n' });
    expect(serializeParameter(query, 5)).toBe('n=5');
    expect(serializeParameter(query, false)).toBe('n=false');
    expect(serializeParameter(query, null)).toBe('n=');
  });

  it('omits an empty array from the query', () => {
    expect(serializeParameter(parameter({ in: 'query' }), [])).toBe('');
  });

  it('encodes control characters and non-Latin text in headers so no header can be injected', () => {
    const header = parameter({ in: 'header', name: 'X-Note' });
    expect(serializeParameter(header, 'a\r\nSet-Cookie: x')).toBe('a%0D%0ASet-Cookie: x');
    expect(serializeParameter(header, 'café')).toBe('caf%C3%A9');
    expect(serializeParameter(header, '50% off')).toBe('50%25 off');
  });

  it('writes cookies as name=value with the value encoded', () => {
    expect(serializeParameter(parameter({ in: 'cookie', name: 'session' }), 'a b;c')).toBe(
      'session=a%20b%3Bc',
    );
  });
});
