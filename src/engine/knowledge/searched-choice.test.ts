import { describe, expect, it } from 'vitest';
import { storeTools } from '../__fixtures__/store-tools.js';
import type { Turn } from '../conversation/read-conversation.js';
import { type ChoiceInputs, type OperationsChoice, recallSearch, rememberSearch } from './searched-choice.js';

const user = (text: string): Turn => ({ role: 'user', text, toolCalls: [] });
const inputsOf = (turns: Turn[], operations = storeTools): ChoiceInputs => ({
  turns,
  system: 'Be brief.',
  operations,
});
const made: OperationsChoice = { calls: [], choice: { type: 'none' } };

describe('recallSearch', () => {
  it('gives the choice made before the search for the same conversation and operations', () => {
    rememberSearch(inputsOf([user('Do you ship to Canada?')]), made);
    expect(recallSearch(inputsOf([user('Do you ship to Canada?')]))).toBe(made);
  });

  it('gives none for another conversation, system prompt or offer of operations', () => {
    rememberSearch(inputsOf([user('What is your return policy?')]), made);
    const earlier = [
      user('Where is order 1001?'),
      { role: 'assistant', text: 'It shipped.', toolCalls: [] } as Turn,
    ];
    expect(recallSearch(inputsOf([...earlier, user('What is your return policy?')]))).toBeUndefined();
    expect(recallSearch({ ...inputsOf([user('What is your return policy?')]), system: '' })).toBeUndefined();
    expect(
      recallSearch(inputsOf([user('What is your return policy?')], storeTools.slice(1))),
    ).toBeUndefined();
  });
});
