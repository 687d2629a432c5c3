import { describe, expect, it } from 'vitest';
import { classifyConfirmation } from './classify-confirmation.js';

describe('classifyConfirmation', () => {
  it.each([
    'yes',
    'Yes!',
    'yeah',
    'yep.',
    'Sure',
    'ok',
    'Okay, thanks',
    'please do',
    'Go ahead',
    'confirm',
    'do it',
    "That's correct",
    'sounds good!',
    'yes please, go ahead',
    "Yes, that's right",
    '👍 yes',
  ])('reads "%s" as yes', (text) => {
    expect(classifyConfirmation(text)).toBe('yes');
  });

  it.each([
    'no',
    'No.',
    'nope',
    "don't",
    'do not do it',
    "Don't do it!",
    'cancel',
    'please cancel',
    'stop',
    'never mind',
    'not now',
    'no thanks',
    "that's not correct",
    'No, leave it',
  ])('reads "%s" as no', (text) => {
    expect(classifyConfirmation(text)).toBe('no');
  });

  it.each([
    'What is the status of my other order 4412?',
    'Actually I meant order 55512, not 55513',
    'Do you sell hiking boots?',
    'yes but change the reason to damaged in transit please',
    'ok, cancel it',
    // A changed detail is not a yes to the action as proposed: the model reads it.
    'yes, order 55513',
    'yes but for 55513',
    'ok the blue one',
    'Yes, the reason is right',
    'No, leave it as it is',
    'great',
    '',
  ])('reads "%s" as neither', (text) => {
    expect(classifyConfirmation(text)).toBe('other');
  });
});
