import { describe, expect, it } from 'vitest';
import { readQuestion, splitQuestion } from './read-question.js';

describe('readQuestion', () => {
  it.each([
    ['Where is my order #12345?', 'where'],
    ['wher is my ordr 12345', 'where'],
    ['When will it arrive?', 'when'],
    ['what time does the Austin store open on saturday?', 'when'],
    ['How much was my order?', 'how-much'],
    ['how many are left?', 'how-many'],
    ['Is the Leather Backpack in stock?', 'yes-no'],
    ['hi, did my payment go through?', 'yes-no'],
    ["I'd like to know where my parcel is", 'where'],
    ['Show me leather bags', 'other'],
    ['were you able to ship it?', 'yes-no'],
  ])('%s asks %s', (text, kind) => {
    expect(readQuestion(text).kind).toBe(kind);
  });

  it('keeps content words, knows whose things they are, and every kind its sentences ask', () => {
    const question = readQuestion('did my payment go through? how much was it?');
    expect(question.words).toEqual(['payment']);
    expect(question.own).toBe(true);
    expect([...question.kinds]).toEqual(['yes-no', 'how-much']);
    expect(readQuestion('Is the store open?').own).toBe(false);
  });
});

describe('splitQuestion', () => {
  it('splits a message at its sentences and at "also" / "and what"', () => {
    expect(
      splitQuestion(
        'did my payment for invoice INV-2026-001 go through? also what time does the Austin store open on saturday?',
      ),
    ).toEqual([
      'did my payment for invoice INV-2026-001 go through?',
      'what time does the Austin store open on saturday?',
    ]);
    expect(splitQuestion('where is order 12345 and is the backpack in stock')).toEqual([
      'where is order 12345',
      'is the backpack in stock',
    ]);
    expect(splitQuestion('I need a black and brown belt')).toEqual(['I need a black and brown belt']);
  });
});
