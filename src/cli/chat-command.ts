// `concierge chat`: talk to an agent in the terminal; each tool call shows, dimmed, under the reply.
import { createInterface } from 'node:readline';
import type { TurnEvent } from '../agent/index.js';
import { createExecutor } from '../executor/index.js';
import {
  createCatalogReader,
  createModelFactory,
  createOwnDemoHosts,
  DEMO_SETTING,
  type DemoIds,
  openConfiguredStore,
  readServerConfig,
  runConversationTurn,
  type ServerConfig,
  saveRequestLog,
} from '../server/index.js';
import type { Store } from '../store/index.js';
import type { Command, CommandIo } from './command.js';

function describeToolCall(event: Extract<TurnEvent, { type: 'tool-call-end' }>, args: unknown): string {
  const status = event.status ? ` ${event.status}` : '';
  return `  ↳ ${event.tool} ${JSON.stringify(args ?? {})} → ${event.outcome}${status} · ${Math.round(event.durationMs)} ms`;
}

async function findAgentId(store: Store, requested: string | undefined): Promise<string | undefined> {
  if (requested) return requested;
  const demo = await store.access.getSetting(DEMO_SETTING);
  return demo ? (JSON.parse(demo) as Partial<DemoIds>).agentId : undefined;
}

/**
 * The demo API is served by the running server, at the address the server last wrote into the demo
 * integration: that exact host and port is reachable for its /demo/ URLs, as in the server.
 */
async function findDemoHosts(store: Store): Promise<(url: string) => string[]> {
  const demo = await store.access.getSetting(DEMO_SETTING);
  const integrationId = demo ? (JSON.parse(demo) as Partial<DemoIds>).integrationId : undefined;
  const integration = integrationId ? await store.integrations.get(integrationId) : undefined;
  if (!integration) return () => [];
  const { hostname, port } = new URL(integration.baseUrl);
  return createOwnDemoHosts(() => ({ address: hostname, port: Number(port), family: 'IPv4' }));
}

/** Reads lines from stdin and runs one turn per line until end of input or `/quit`. */
async function chatLoop(io: CommandIo, store: Store, agentId: string, config: ServerConfig): Promise<number> {
  const agent = await store.agents.get(agentId);
  if (!agent) {
    io.stderr(`concierge chat: agent '${agentId}' was not found\n`);
    return 2;
  }
  const dim = (text: string) => (io.isTerminal && !io.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text);
  const executor = createExecutor({
    allowHosts: config.allowHosts,
    allowHostsFor: await findDemoHosts(store),
    onLog: (entry) => saveRequestLog(store, entry),
  });
  const models = createModelFactory({
    allowHosts: config.allowHosts,
    defaultModel: config.defaultModel,
    providerKeys: config.providerKeys,
  });
  const context = {
    store,
    executor,
    catalogs: createCatalogReader(store),
    defaultModel: config.defaultModel,
    createModel: models.createModel,
  };
  let conversation = await store.conversations.create({
    agentId: agent.id,
    propertyId: agent.propertyId,
    metadata: { channel: 'terminal' },
  });
  io.stdout(`Chatting with ${agent.name}. Type a message; /new starts over, /quit or Ctrl-D leaves.\n`);
  // In a terminal the prompt is shown and the terminal itself echoes what is typed; in a transcript
  // (output piped), each message is written after the prompt instead.
  const prompt = () => {
    if (io.isTerminal) io.stdout('you> ');
  };
  prompt();
  const lines = createInterface({ input: io.stdin ?? process.stdin, terminal: false });
  try {
    for await (const raw of lines) {
      const text = raw.trim();
      if (!text) {
        prompt();
        continue;
      }
      if (text === '/quit' || text === '/exit') break;
      if (text === '/new') {
        conversation = await store.conversations.create({
          agentId: agent.id,
          propertyId: agent.propertyId,
          metadata: { channel: 'terminal' },
        });
        io.stdout('(new conversation)\n');
        prompt();
        continue;
      }
      if (!io.isTerminal) io.stdout(`you> ${text}\n`);
      const argsByTool = new Map<string, unknown>();
      const toolLines: string[] = [];
      let streamed = false;
      const result = await runConversationTurn(context, {
        conversation,
        text,
        onEvent: (event) => {
          if (event.type === 'tool-call-start') argsByTool.set(event.tool, event.args);
          if (event.type === 'tool-call-end')
            toolLines.push(dim(describeToolCall(event, argsByTool.get(event.tool))));
          if (event.type === 'message-delta') {
            if (!streamed) io.stdout(`${agent.name}> `);
            streamed = true;
            io.stdout(event.text);
          }
        },
      });
      if (!streamed)
        io.stdout(
          result.reply ? `${agent.name}> ${result.reply.text}` : dim('(waiting for a person of the team)'),
        );
      io.stdout('\n');
      for (const line of toolLines) io.stdout(`${line}\n`);
      if (result.pendingAction)
        io.stdout(`${dim(`  (waiting for your yes or no: ${result.pendingAction.summary})`)}\n`);
      conversation = (await store.conversations.get(conversation.id)) ?? conversation;
      prompt();
    }
  } finally {
    lines.close();
    await executor.close();
    await models.close();
  }
  return 0;
}

/** The `chat` command. */
export const chatCommand: Command = {
  name: 'chat',
  summary: 'Chat with an agent in the terminal (the demo agent by default), tool calls shown dimmed',
  usage: 'concierge chat [--agent ID] [--data DIR]',
  async run(args, io) {
    const config = readServerConfig(io.env, args.flags);
    const store = await openConfiguredStore(config);
    try {
      const agentId = await findAgentId(
        store,
        typeof args.flags.agent === 'string' ? args.flags.agent : undefined,
      );
      if (!agentId) {
        io.stderr(
          'concierge chat: no agent given and no demo agent exists: pass --agent ID (see GET /api/v1/properties/:id/agents)\n',
        );
        return 2;
      }
      return await chatLoop(io, store, agentId, config);
    } finally {
      await store.close();
    }
  },
};
