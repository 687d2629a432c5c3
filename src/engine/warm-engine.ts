// Readies the engine before the first customer needs it: the ranking model and word vectors are read,
// and the date reader, the spelling corrector's list of verbs and the decision's code paths run once. A server's first turns otherwise pay
// for all of it (150-200 ms of CPU each against about 10 ms for later ones).
import type { EngineTool } from './catalog/engine-tool.js';
import { decideTurn } from './decide-turn.js';

const WARM_UP_TOOL: EngineTool = {
  name: 'findFlights',
  description: 'Find flights from an airport to another on a date.',
  inputSchema: {
    type: 'object',
    required: ['origin', 'destination', 'date'],
    properties: {
      origin: { type: 'string', description: 'Airport the flight leaves from.' },
      destination: { type: 'string', description: 'Airport the flight goes to.' },
      date: { type: 'string', format: 'date', description: 'Day of the flight.' },
    },
  },
  operation: { method: 'get', path: '/flights', operationId: 'findFlights' },
};

/** Decides one made-up turn, so that nothing the engine reads or compiles is left for a customer's. */
export function warmEngine(): void {
  decideTurn(
    {
      system: '',
      // "serch" is misspelt on purpose: the first correction builds the list of verbs it corrects to.
      turns: [
        { role: 'user', text: 'Can you serch flights from Boston to Denver next friday?', toolCalls: [] },
      ],
      toolResults: [],
    },
    [WARM_UP_TOOL],
  );
}
