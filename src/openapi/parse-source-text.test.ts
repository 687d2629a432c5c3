import { describe, expect, it } from 'vitest';
import { parseSourceText } from './parse-source-text.js';

function parse(text: string) {
  const result = parseSourceText(text);
  if (!result.ok) throw result.error;
  return result.value;
}

describe('parseSourceText', () => {
  it('detects JSON and YAML from the content, not from a file name', () => {
    expect(parse('{"openapi": "3.1.0"}').format).toBe('json');
    expect(parse('\ufeff  {"a": 1}').format).toBe('json');
    expect(parse('openapi: 3.1.0\n').format).toBe('yaml');
    expect(parse('{openapi: 3.1.0, paths: {}}')).toMatchObject({
      format: 'yaml',
      document: { openapi: '3.1.0' },
    });
  });

  it('keeps YAML 1.2 scalars as OpenAPI means them: dates, yes/no and tags stay strings', () => {
    const { document } = parse('date: 2024-01-31\nanswer: yes\nodd: !!value =\nversion: 1.0\n');
    expect(document).toEqual({ date: '2024-01-31', answer: 'yes', odd: '=', version: 1 });
  });

  it('reads YAML 1.2 core scalars as the yaml package does, a __proto__ key as an own property', () => {
    const text =
      'a: ~\nb: null\nc: True\nd: 0x1F\ne: 0o17\nf: -.inf\ng: .NaN\nh: 1e3\ni: \'123\'\nj: "true"\nk:\nl: +12\nm: 0b11\n__proto__: {x: 1}\n';
    const { document } = parse(text);
    expect(document).toEqual({
      a: null,
      b: null,
      c: true,
      d: 31,
      e: 15,
      f: Number.NEGATIVE_INFINITY,
      g: Number.NaN,
      h: 1000,
      i: '123',
      j: 'true',
      k: null,
      l: 12,
      m: '0b11',
      ['__proto__']: { x: 1 },
    });
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.hasOwn(document as object, '__proto__')).toBe(true);
    // An alias sends the text to the yaml package's syntax tree: it reads the same values.
    const { anchor, alias, ...slow } = parse(`${text}anchor: &x 1\nalias: *x\n`).document as Record<
      string,
      unknown
    >;
    expect([anchor, alias]).toEqual([1, 1]);
    expect(slow).toEqual(document);
  });

  it('expands anchors and merge keys, and tolerates duplicate keys', () => {
    const { document } = parse(
      'base: &base {type: object}\nfull:\n  <<: *base\n  title: Full\nkey: 1\nkey: 2\n',
    );
    expect(document).toEqual({ base: { type: 'object' }, full: { type: 'object', title: 'Full' }, key: 2 });
  });

  it('stops alias bombs with a clear reason', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${new Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const result = parseSourceText(levels.join('\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({
      code: 'yaml-alias-limit',
      message: expect.stringContaining('aliases'),
    });
  });

  it('accepts an anchor reused a few hundred times, as real documents do', () => {
    const uses = Array.from({ length: 300 }, (_, index) => `  p${index}: *error`).join('\n');
    const result = parseSourceText(`error: &error {type: object}\nschemas:\n${uses}\n`);
    expect(result.ok).toBe(true);
  });

  it('says where JSON and YAML are broken', () => {
    const json = parseSourceText('{\n  "a": 1,\n  "b": [1, 2\n}');
    expect(!json.ok && json.error).toMatchObject({ code: 'not-json-or-yaml', where: { line: 4, column: 1 } });
    expect(!json.ok && json.error.message).toBe(
      "not valid JSON at line 4, column 1: Expected ',' or ']' after array element",
    );
    const yaml = parseSourceText('a: 1\nb: [1, 2\nc: 3\n');
    expect(!yaml.ok && yaml.error.code).toBe('not-json-or-yaml');
    expect(!yaml.ok && yaml.error.message).toMatch(/^not valid YAML at line \d+, column \d+: /);
  });

  it('points an unclosed quote at the line where it opens, not at the end of the file', () => {
    const text = [
      'openapi: 3.0.3',
      'info:',
      '  title: "Broken API',
      '  version: 1.0.0',
      'paths:',
      '  /orders:',
      '    get:',
      "      responses: { '200': { description: ok } }",
      '',
    ].join('\n');
    for (const quoted of [text, text.replace('"Broken', "'Broken")]) {
      const result = parseSourceText(quoted);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.where).toEqual({ line: 3, column: 10 });
      expect(result.error.message).toMatch(/^not valid YAML at line 3, column 10: Missing closing .?quote/);
    }
  });

  it('reads JSON with a trailing comma leniently (as YAML flow style)', () => {
    expect(parse('{"a": [1, 2,], "b": 3,}').document).toEqual({ a: [1, 2], b: 3 });
  });

  it('refuses binary and empty input', () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    expect(parseSourceText(png)).toMatchObject({
      ok: false,
      error: { message: 'not YAML or JSON: the text is binary, not YAML or JSON' },
    });
    expect(parseSourceText('  \n ')).toMatchObject({
      ok: false,
      error: { message: 'not YAML or JSON: the text is empty' },
    });
  });

  it('finds the line of a JSON pointer in JSON text, falling back to the nearest ancestor', () => {
    const text =
      '{\n  "paths": {\n    "/a/{id}": {\n      "get": {\n        "x": "\\"}"\n      }\n    }\n  },\n  "info": {}\n}';
    const lines = parse(text).locateLines([
      '/paths/~1a~1{id}/get',
      '/paths/~1a~1{id}/get/missing',
      '/info',
      '',
    ]);
    expect(Object.fromEntries(lines)).toEqual({
      '/paths/~1a~1{id}/get': 4,
      '/paths/~1a~1{id}/get/missing': 4,
      '/info': 9,
      '': 1,
    });
  });

  it('finds the line of a JSON pointer in YAML text, through lists and aliases', () => {
    const text =
      'paths:\n  /a:\n    get:\n      parameters:\n        - name: id\n        - name: q\nlist: &list [1, 2]\nagain: *list\n';
    const lines = parse(text).locateLines(['/paths/~1a/get', '/paths/~1a/get/parameters/1/name', '/again/1']);
    expect(Object.fromEntries(lines)).toEqual({
      '/paths/~1a/get': 3,
      '/paths/~1a/get/parameters/1/name': 6,
      '/again/1': 7,
    });
  });
  describe('lines of YAML pointers, through multi-line strings, flow style and repeated keys', () => {
    const text = [
      'openapi: 3.0.3',
      'info:',
      '  title: "A title',
      '    over two lines"',
      '  description: |',
      '    Literal block',
      '    key: not a key',
      '  version: 1.0',
      'paths:',
      '  /a:',
      '    get:',
      '      summary: plain text',
      '        continued here',
      '      parameters:',
      '        - {name: id, in: path}',
      '        -',
      '          name: q',
      '          in: query',
      "      responses: {'200': {description: ok},",
      "        '404': {description: missing}}",
      "    'x-dup': 1",
      '    x-dup: 2',
      '    post:',
      '      description: >-',
      '        folded',
      '  "/b~c":',
      '    get: {}',
      '',
    ].join('\n');
    const expected = {
      '': 1,
      '/info/title': 3,
      '/info/description': 5,
      '/info/version': 8,
      '/paths/~1a/get/summary': 12,
      '/paths/~1a/get/parameters/0': 15,
      '/paths/~1a/get/parameters/0/in': 15,
      '/paths/~1a/get/parameters/1': 17,
      '/paths/~1a/get/parameters/1/in': 18,
      '/paths/~1a/get/parameters/7': 14,
      '/paths/~1a/get/responses/404': 20,
      '/paths/~1a/get/responses/404/description': 20,
      '/paths/~1a/x-dup': 22,
      '/paths/~1a/post/description': 24,
      '/paths/~1b~0c/get': 27,
      '/paths/~1a/get/missing': 11,
      '/paths/~1a/get/summary/deeper': 12,
    };

    it('reads them from the fast parser', () => {
      const parsed = parse(text);
      expect(parsed.document).toMatchObject({ info: { title: 'A title over two lines', version: 1 } });
      expect(Object.fromEntries(parsed.locateLines(Object.keys(expected)))).toEqual(expected);
    });

    it('reads the same lines when anchors and aliases send the text to the YAML syntax tree', () => {
      const parsed = parse(`${text}anchored: &shared {type: object}\nreused: *shared\n`);
      expect(parsed.document).toMatchObject({ reused: { type: 'object' }, paths: { '/a': { 'x-dup': 2 } } });
      const pointers = [...Object.keys(expected), '/reused', '/reused/type'];
      expect(Object.fromEntries(parsed.locateLines(pointers))).toEqual({
        ...expected,
        '/reused': 29,
        '/reused/type': 28,
      });
    });
  });
});
