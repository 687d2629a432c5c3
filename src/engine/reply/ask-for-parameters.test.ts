import { describe, expect, it } from 'vitest';
import { askForParameters } from './ask-for-parameters.js';

const parameter = (name: string, description: string) => ({
  name,
  description,
  schema: {},
  type: 'string',
  required: true,
  enumValues: undefined,
});

describe('askForParameters', () => {
  it('asks in the words of the description', () => {
    expect(
      askForParameters([parameter('orderId', 'The order number, digits only (drop a leading #).')]),
    ).toBe('What is your order number?');
    expect(askForParameters([parameter('email', "The customer's email address.")])).toBe(
      'What is your email address?',
    );
  });

  it('asks for several details at once and turns why-descriptions into a question', () => {
    expect(
      askForParameters([
        parameter('orderId', 'The order number, digits only.'),
        parameter('reason', 'Why the customer is returning the item, in their own words.'),
      ]),
    ).toBe('Could you tell me your order number and why you are returning the item?');
    expect(askForParameters([parameter('reason', 'Why the customer returns it.')])).toMatch(
      /why you return it\?$/,
    );
  });

  it('asks for what the customer has as theirs, and for anything else as it is', () => {
    expect(askForParameters([parameter('habitat', 'Habitat of the bird.')])).toBe(
      'What is the habitat of the bird?',
    );
    expect(askForParameters([parameter('to_unit', 'Unit in which to return the result.')])).toBe(
      'What is the unit in which to return the result?',
    );
    expect(askForParameters([parameter('last_name', "The last name of the customer, such as 'Doe'.")])).toBe(
      'What is your last name?',
    );
    expect(askForParameters([parameter('user_id', 'The user ID of the account.')])).toBe(
      'What is your user ID of the account?',
    );
  });

  it('asks for "the ID of the ticket" as the ticket ID', () => {
    expect(askForParameters([parameter('ticket_id', 'The ID of the ticket')])).toBe(
      'What is your ticket ID?',
    );
    expect(askForParameters([parameter('code', 'Code of the coupon.')])).toBe('What is the coupon code?');
  });

  it('falls back to the parameter name', () => {
    expect(askForParameters([parameter('zipCode', '')])).toBe('What is your zip code?');
  });
});
