import { describe, expect, it } from 'vitest';
import { fillNote } from './fill-note.js';

describe('fillNote', () => {
  it('puts the words after "that" into the note field, however deep the body wraps it', () => {
    const booking = {
      type: 'object',
      properties: {
        start_at: { type: 'string' },
        customer_note: { type: 'string' },
        seller_note: { type: 'string' },
      },
    };
    expect(
      fillNote(booking, "Please add a note to booking m2n4 that I'm allergic to ammonia-based dyes"),
    ).toEqual({
      customer_note: "I'm allergic to ammonia-based dyes",
    });
    const ticket = {
      type: 'object',
      properties: {
        subject: { type: 'string' },
        status: { type: 'string', enum: ['open', 'solved'] },
        comment: { type: 'object', properties: { body: { type: 'string' }, public: { type: 'boolean' } } },
      },
    };
    expect(fillNote(ticket, 'Please add to my ticket 23990 that the app also crashes on Android.')).toEqual({
      comment: { body: 'the app also crashes on Android' },
    });
    const history = {
      type: 'array',
      items: { type: 'object', properties: { Details: { type: 'string' } } },
    };
    expect(fillNote(history, "could you put a note on it that we'll pay on the 30th?")).toEqual([
      { Details: "we'll pay on the 30th" },
    ]);
  });

  it('gives nothing where the message words no note or the body takes none', () => {
    const booking = { type: 'object', properties: { customer_note: { type: 'string' } } };
    expect(fillNote(booking, 'cancel booking m2n4 please')).toBeUndefined();
    expect(fillNote(booking, 'I heard that you open at nine')).toBeUndefined();
    expect(
      fillNote({ type: 'object', properties: { start_at: { type: 'string' } } }, 'add a note that I am late'),
    ).toBeUndefined();
  });
});
