// A local HTTP server that speaks a model provider's wire protocol and answers from a script, so the
// hosted-model paths run for real against 127.0.0.1.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { sendJson, startTestServer } from '../../executor/test-support/start-test-server.js';
import { readAnthropicRequest, writeAnthropicReply } from './anthropic-wire.js';
import { readOpenAIRequest, writeOpenAIReply } from './openai-wire.js';
import type { Script, SeenRequest } from './scripted-reply.js';

/** The protocols the fake server speaks. */
export type FakeProtocol = 'openai' | 'anthropic' | 'openai-compatible';

/** A running fake model provider. */
export interface FakeModelServer {
  /** A model of the protocol's own AI SDK provider, pointed at this server. */
  model: LanguageModel;
  /** The API base URL a provider is configured with, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  /** Every request received, as the model read it. */
  requests: SeenRequest[];
  /** Every request body as sent, raw text. */
  rawBodies: string[];
  /** Requests whose client hung up before the (delayed) answer was written. */
  abandoned: number;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Answer with an HTTP error instead of the script: `status` and the provider's error body. */
export interface FakeFailure {
  /** HTTP status, e.g. 401. */
  status: number;
  /** The provider's error message. */
  message: string;
}

/**
 * Starts a fake provider for `protocol` answering from `script` (or failing with `failure`), each
 * answer after `timing.delayMs` (a slow model).
 */
export async function startFakeModelServer(
  protocol: FakeProtocol,
  script: Script,
  failure?: FakeFailure,
  timing: { delayMs?: number } = {},
): Promise<FakeModelServer> {
  const requests: SeenRequest[] = [];
  const rawBodies: string[] = [];
  const read = protocol === 'anthropic' ? readAnthropicRequest : readOpenAIRequest;
  const server = await startTestServer(async (request, response) => {
    rawBodies.push(request.body);
    if (timing.delayMs) {
      let closed = false;
      response.on('close', () => {
        if (response.writableFinished) return;
        closed = true;
        fake.abandoned += 1;
      });
      await new Promise((resolve) => setTimeout(resolve, timing.delayMs));
      if (closed) return;
    }
    const seen = read(JSON.parse(request.body) as Record<string, unknown>);
    requests.push(seen);
    if (failure) {
      const error =
        protocol === 'anthropic'
          ? { type: 'authentication_error', message: failure.message }
          : { message: failure.message, type: 'invalid_request_error' };
      sendJson(response, failure.status, protocol === 'anthropic' ? { type: 'error', error } : { error });
      return;
    }
    const reply = script(seen, requests.length - 1);
    if (protocol === 'anthropic') writeAnthropicReply(response, reply, seen.stream, requests.length - 1);
    else writeOpenAIReply(response, reply, seen.stream);
  });
  const baseURL = `${server.url}/v1`;
  const apiKey = 'sk-fake-model-key-0123456789';
  const model =
    protocol === 'openai'
      ? createOpenAI({ baseURL, apiKey }).chat('gpt-fake')
      : protocol === 'anthropic'
        ? createAnthropic({ baseURL, apiKey })('claude-haiku-4-5')
        : createOpenAICompatible({ name: 'local', baseURL }).chatModel('llama-fake');
  const fake: FakeModelServer = {
    model,
    baseUrl: baseURL,
    requests,
    rawBodies,
    abandoned: 0,
    close: server.close,
  };
  return fake;
}
