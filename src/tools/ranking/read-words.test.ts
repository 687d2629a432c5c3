import { describe, expect, it } from 'vitest';
import { contentStems, editDistance, joinPhrasalVerbs, splitWords, stemOf } from './read-words.js';

describe('read-words', () => {
  it('splits identifiers and text into lower-case words', () => {
    expect(splitWords('getOrderStatus')).toEqual(['get', 'order', 'status']);
    expect(splitWords('list_HTTPRoutes-v2')).toEqual(['list', 'http', 'routes', 'v', '2']);
  });

  it('keeps the stems of content words only', () => {
    expect(contentStems('Where is my order right now?')).toEqual(['order']);
  });

  it("reads a negation's contraction as the one function word it is, whatever its apostrophe", () => {
    expect(contentStems("I haven't gotten it, it didn’t arrive and I can't log in")).toEqual(
      contentStems('I gotten it, it arrive and I log in'),
    );
    expect(splitWords("the customer's order")).toEqual(['the', 'customer', 's', 'order']);
  });

  it('stems an irregular past form as its verb', () => {
    expect(contentStems('what they bought')).toEqual(contentStems('what did I buy'));
    expect(stemOf('paid')).toBe(stemOf('pay'));
  });

  it('counts a swap of neighbours as one edit and stops past the limit', () => {
    expect(editDistance('ordr', 'order', 1)).toBe(1);
    expect(editDistance('oredr', 'order', 1)).toBe(1);
    expect(editDistance('invoice', 'order', 2)).toBe(3);
  });

  it('writes a phrasal verb as the one verb it means, with its object where it stood', () => {
    expect(joinPhrasalVerbs('take gift card GC8X2-4KQ9 off my order')).toBe(
      'remove gift card GC8X2-4KQ9 my order',
    );
    expect(joinPhrasalVerbs('I want to get rid of the mugs')).toBe('I want to remove the mugs');
    // Money got back is a refund; nothing else got back is.
    expect(joinPhrasalVerbs('Can I get my $89.00 back?')).toBe('Can I refund my $89.00?');
    expect(joinPhrasalVerbs('Could I get $20 back on payment R2B3')).toBe(
      'Could I refund $20 on payment R2B3',
    );
    expect(joinPhrasalVerbs('I want to get my money back')).toBe('I want to refund my money');
    for (const text of ['can you get back to me?', 'how do I get my account back'])
      expect(joinPhrasalVerbs(text)).toBe(text);
    expect(joinPhrasalVerbs('please call it off')).toBe('please cancel it');
    // "sign up" parts for its object as "call off" does.
    expect(joinPhrasalVerbs('sign me up with priya@x.com')).toBe('register me with priya@x.com');
    expect(joinPhrasalVerbs('I want to make sure it is right')).toBe('I want to check it is right');
    expect(joinPhrasalVerbs('mark order 100551 as completed')).toBe('update order 100551 completed');
    // A past form stays past: it tells what happened.
    expect(joinPhrasalVerbs('I turned off notifications')).toBe('I disabled notifications');
    // Starting a paused thing again resumes it.
    expect(joinPhrasalVerbs("i'd like to start my membership again now")).toBe(
      "i'd like to resume my membership now",
    );
    expect(joinPhrasalVerbs('we started again in May')).toBe('we resumed in May');
  });

  it('leaves a particle that makes no phrasal verb', () => {
    // A departure, and a discount: no removal.
    expect(joinPhrasalVerbs('when does my flight take off?')).toBe('when does my flight take off?');
    expect(joinPhrasalVerbs('can you take 10% off')).toBe('can you take 10% off');
    // An object longer than a few words is no object of the verb.
    expect(joinPhrasalVerbs('take the one with the blue and green stripes off')).toContain('take');
  });
});
