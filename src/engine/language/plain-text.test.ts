import { describe, expect, it } from 'vitest';
import { plainText, withoutFacets } from './plain-text.js';

describe('plainText', () => {
  it('drops layout tags, breaks lines where they end one and reads common entities', () => {
    expect(
      plainText('<p>Sends the <strong>receipt</strong>.</p><p>Only for settled ones &amp; refunds.</p>'),
    ).toBe('Sends the receipt.\nOnly for settled ones & refunds.');
    expect(plainText('Line one<br/>line two<br >three')).toBe('Line one\nline two\nthree');
  });

  it('keeps angle brackets that are no HTML tag and text without markup as written', () => {
    expect(plainText('<Provide merchant id that links to API Key>')).toBe(
      '<Provide merchant id that links to API Key>',
    );
    expect(plainText('a < b and **bold**')).toBe('a < b and **bold**');
  });
});

describe('withoutFacets', () => {
  it('takes the text a "Description:" label opens, else drops the labelled facets', () => {
    expect(withoutFacets('Format: Fixed length, 32 AN\nDescription: The transaction id.')).toBe(
      'The transaction id.',
    );
    expect(withoutFacets('The amount to refund.\nFormat: up to 12,2 N')).toBe('The amount to refund.');
    expect(withoutFacets('Format: up to 12,2 N')).toBe('Format: up to 12,2 N');
    expect(withoutFacets('Note: only one line')).toBe('Note: only one line');
  });
});
