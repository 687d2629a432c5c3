// JSON Schemas of what the API returns. Registered once by id, referenced by the routes' `response`,
// published in /api/docs/openapi.json, and the source of the admin UI's types
// (web/admin/src/api/generated.ts, written by `npm run generate:api-types`).

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', description: 'ISO 8601 time' } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
/** Any JSON value (a response body, tool arguments). */
const anyValue = {} as const;

/** `{ $ref }` to a schema registered here. */
export function ref(id: keyof typeof responseSchemas): { $ref: string } {
  return { $ref: `${id}#` };
}

/**
 * `{ items: [...] }` of a registered schema, with the cursor of the next page when there is one (of
 * the type given).
 */
export function listOf(
  id: keyof typeof responseSchemas,
  next?: 'string' | 'integer' | readonly ('string' | 'integer')[],
) {
  return {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: ref(id) }, ...(next ? { next: { type: next } } : {}) },
  } as const;
}

const lintFinding = {
  type: 'object',
  required: ['severity', 'code', 'message', 'pointer'],
  properties: {
    severity: { enum: ['error', 'warning', 'info'] },
    code: text,
    message: text,
    fix: text,
    pointer: text,
    line: { type: 'integer' },
    tool: text,
  },
} as const;

const claim = {
  type: 'string',
  description: 'A claim of the identity token: sub, email, name or a custom one',
} as const;
const bindingLocation = { enum: ['path', 'query', 'header', 'cookie', 'body'] } as const;

/** The verified customer, as a conversation or a token check shows it. */
const customerIdentity = {
  type: 'object',
  required: ['sub', 'claims'],
  properties: {
    sub: { type: 'string', description: "The customer's id at the business" },
    email: text,
    name: text,
    claims: {
      type: 'object',
      additionalProperties: true,
      description: 'Every claim but iss, aud, exp, iat, nbf, jti',
    },
  },
} as const;

const integrationProperties = {
  id: text,
  propertyId: text,
  name: text,
  baseUrl: text,
  auth: { $ref: 'ShownAuth#' },
  timeoutMs: { type: 'integer' },
  allowHosts: { type: 'array', items: text },
  identityHeaders: {
    type: 'array',
    items: { type: 'object', required: ['name', 'claim'], properties: { name: text, claim } },
    description: "Headers sent with every call from the verified customer's claims",
  },
  version: { type: 'integer', description: 'The current schema version; 0 before the first import' },
  createdAt: time,
  updatedAt: time,
} as const;
const integrationRequired = Object.keys(integrationProperties);

const knowledgeSourceProperties = {
  id: text,
  propertyId: text,
  kind: { enum: ['article', 'website', 'faq'] },
  name: { type: 'string', description: "An article's title, a website's or file's name" },
  format: { type: ['string', 'null'], description: 'markdown, text or html for an article; csv for a file' },
  url: { type: ['string', 'null'], description: "An article's public link" },
  sitemapUrl: { type: ['string', 'null'], description: "A website's sitemap" },
  urls: { type: 'array', items: text, description: "A website's page URLs" },
  maxPages: { type: ['integer', 'null'], description: "A website's page cap" },
  refreshedAt: { type: ['string', 'null'], description: 'When it was last read (a website: fetched)' },
  documentCount: { type: 'integer', description: 'Documents read: the article, each page, each question' },
  failedDocumentCount: { type: 'integer', description: 'Pages that could not be fetched or read' },
  passageCount: { type: 'integer', description: 'Passages indexed for the search' },
  createdAt: time,
  updatedAt: time,
} as const;
const knowledgeSourceRequired = Object.keys(knowledgeSourceProperties);

const operation = {
  type: 'object',
  required: [
    'name',
    'operationId',
    'method',
    'path',
    'summary',
    'description',
    'callable',
    'uncallableReason',
    'readOnly',
    'enabled',
    'needsConfirmation',
    'needsConfirmationDefault',
    'inputSchema',
    'identityBindings',
    'requiresIdentity',
    'requiresIdentityDefault',
    'identityProblems',
    'bindableInputs',
  ],
  properties: {
    name: text,
    operationId: nullableText,
    method: text,
    path: text,
    summary: nullableText,
    description: text,
    callable: { type: 'boolean' },
    uncallableReason: nullableText,
    readOnly: { type: 'boolean' },
    enabled: { type: 'boolean' },
    needsConfirmation: { type: 'boolean' },
    needsConfirmationDefault: { type: 'boolean' },
    inputSchema: { type: 'object', additionalProperties: true },
    identityBindings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['in', 'name', 'claim'],
        properties: { in: bindingLocation, name: text, claim },
      },
      description: "Inputs set from the verified customer's claims; the model never sees them",
    },
    requiresIdentity: { type: 'boolean', description: 'Only a verified customer may use it' },
    requiresIdentityDefault: { type: 'boolean', description: 'True when an input is bound' },
    identityProblems: {
      type: 'array',
      items: text,
      description: 'Bindings that no longer fit the operation: it is not offered until they are fixed',
    },
    bindableInputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['in', 'name', 'required'],
        properties: { in: bindingLocation, name: text, required: { type: 'boolean' } },
      },
      description: 'The inputs a claim may be bound to',
    },
  },
} as const;

const catalogDiff = {
  type: 'object',
  required: ['added', 'removed', 'changed', 'unchanged'],
  properties: {
    added: { type: 'array', items: text },
    removed: { type: 'array', items: text },
    changed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'changes'],
        properties: { name: text, changes: { type: 'array', items: text } },
      },
    },
    unchanged: { type: 'integer' },
  },
} as const;

const conversationProperties = {
  id: text,
  agentId: text,
  propertyId: text,
  status: { enum: ['open', 'waiting-for-human', 'closed'] },
  visitorId: nullableText,
  metadata: { type: 'object', additionalProperties: true },
  pendingAction: anyValue,
  identity: {
    anyOf: [
      {
        ...customerIdentity,
        required: [...customerIdentity.required, 'source', 'verifiedAt', 'expiresAt'],
        properties: {
          ...customerIdentity.properties,
          source: { enum: ['token', 'admin'] },
          verifiedAt: time,
          expiresAt: { type: ['string', 'null'], description: 'When it stops counting; null: never' },
        },
      },
      { type: 'null' },
    ],
    description: 'The verified customer it acts for, or null for an anonymous visitor',
  },
  unanswered: { type: 'integer' },
  createdAt: time,
  updatedAt: time,
} as const;
const conversationRequired = [
  'id',
  'agentId',
  'propertyId',
  'status',
  'visitorId',
  'metadata',
  'identity',
  'createdAt',
  'updatedAt',
];

const message = {
  type: 'object',
  required: ['id', 'role', 'text', 'createdAt'],
  properties: {
    id: text,
    conversationId: text,
    role: { enum: ['customer', 'agent', 'human', 'system'] },
    text,
    replyState: {
      anyOf: [
        { enum: ['pending', 'answered', 'for-person', 'cancelled', 'failed', 'handed-over'] },
        { type: 'null' },
      ],
    },
    replyTo: nullableText,
    createdAt: time,
  },
} as const;

/** Which values of a call came from the verified customer's identity. */
const requestIdentity = {
  type: 'object',
  required: ['subject', 'values'],
  properties: {
    subject: { type: 'string', description: "The customer's sub" },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: ['in', 'name', 'claim'],
        properties: { in: text, name: text, claim },
      },
    },
  },
} as const;

/** A trace step of type `type` with these fields (see src/agent/trace-step.ts). */
function step(type: string, required: string[], properties: Record<string, object>) {
  return {
    type: 'object',
    required: ['type', ...required],
    properties: { type: { const: type }, ...properties },
  } as const;
}

/** One step of a turn's trace; `type` says which fields it has. */
const traceStep = {
  oneOf: [
    step('model-call', ['durationMs', 'finishReason'], {
      durationMs: { type: 'number' },
      finishReason: text,
      inputTokens: { type: 'integer' },
      outputTokens: { type: 'integer' },
    }),
    step('tool-call', ['tool', 'args', 'outcome', 'durationMs', 'responseExcerpt'], {
      tool: text,
      operationId: text,
      integrationId: text,
      args: anyValue,
      status: { type: 'integer' },
      outcome: text,
      durationMs: { type: 'number' },
      responseExcerpt: text,
      error: text,
      idempotencyKey: text,
      identity: requestIdentity,
    }),
    step('sign-in-required', ['tool'], { tool: text }),
    step('confirmation-requested', ['tool', 'args'], { tool: text, args: anyValue }),
    step('confirmation-resolved', ['decision'], {
      decision: { enum: ['confirmed', 'cancelled', 'expired', 'superseded', 'interrupted'] },
    }),
    step('handoff', ['reason'], { reason: text }),
    step('model-error', ['message'], { message: text }),
    step('knowledge-search', ['query', 'passages', 'durationMs'], {
      query: text,
      passages: { type: 'array', items: { $ref: 'KnowledgeSourceRef#' } },
      durationMs: { type: 'number' },
      error: text,
    }),
    step('data-sources', ['tools'], {
      tools: { type: 'array', items: text },
      knowledge: {
        type: 'array',
        items: { $ref: 'KnowledgeSourceRef#' },
        description: 'The knowledge sources the reply used',
      },
    }),
    step('turn-stopped', ['reason'], { reason: { enum: ['cancelled', 'taken-over'] } }),
    step('recovered', ['messageAt'], { messageAt: time }),
  ],
} as const;

/** Every response shape, by the id routes refer to. */
export const responseSchemas = {
  Property: {
    type: 'object',
    required: ['id', 'name', 'createdAt', 'updatedAt'],
    properties: { id: text, name: text, createdAt: time, updatedAt: time },
  },
  ApiKey: {
    type: 'object',
    required: ['id', 'propertyId', 'name', 'prefix', 'createdAt'],
    properties: {
      id: text,
      propertyId: text,
      name: text,
      prefix: { type: 'string', description: 'The first characters of the key' },
      createdAt: time,
      key: { type: 'string', description: 'The key itself: only in the answer that creates it' },
    },
  },
  Agent: {
    type: 'object',
    required: [
      'id',
      'propertyId',
      'name',
      'publicKey',
      'basePrompt',
      'model',
      'maxToolSteps',
      'handoffWebhookUrl',
      'identity',
      'createdAt',
      'updatedAt',
    ],
    properties: {
      id: text,
      propertyId: text,
      name: text,
      publicKey: { type: 'string', description: 'The key the widget names in data-agent' },
      basePrompt: text,
      model: {
        type: 'object',
        properties: {
          provider: { enum: ['embedded', 'openai', 'anthropic', 'openai-compatible'] },
          model: text,
          baseUrl: text,
          temperature: { type: 'number' },
          apiKey: { type: 'string', description: 'Masked' },
        },
      },
      maxToolSteps: { type: 'integer' },
      handoffWebhookUrl: nullableText,
      identity: {
        type: 'object',
        required: ['method', 'audience', 'secret'],
        description: 'How identity tokens of signed-in customers are checked',
        properties: {
          method: { enum: ['none', 'secret', 'publicKey', 'jwks'] },
          publicKey: text,
          jwksUrl: text,
          audience: {
            type: 'string',
            description: "The aud tokens must carry (default the agent's public key)",
          },
          issuer: text,
          signInUrl: text,
          secret: {
            anyOf: [
              {
                type: 'object',
                required: ['hint', 'createdAt', 'previousValidUntil'],
                properties: {
                  hint: { type: 'string', description: 'Masked: the last four characters' },
                  createdAt: { type: ['string', 'null'] },
                  previousValidUntil: {
                    type: ['string', 'null'],
                    description: 'Until when the secret before it is still accepted',
                  },
                },
              },
              { type: 'null' },
            ],
          },
        },
      },
      createdAt: time,
      updatedAt: time,
    },
  },
  IdentitySecret: {
    type: 'object',
    required: ['secret', 'createdAt', 'previousValidUntil'],
    properties: {
      secret: { type: 'string', description: 'The HS256 secret: shown in this answer only' },
      createdAt: time,
      previousValidUntil: { type: ['string', 'null'], description: 'Until when the previous secret works' },
    },
  },
  IdentityCheck: {
    type: 'object',
    required: ['ok'],
    properties: {
      ok: { type: 'boolean' },
      identity: customerIdentity,
      expiresAt: time,
      error: { type: 'string', description: 'Why the token is refused' },
    },
  },
  AgentIntegrationLink: {
    type: 'object',
    required: ['agentId', 'integrationId', 'enabled', 'warnings'],
    properties: {
      agentId: text,
      integrationId: text,
      enabled: { type: 'boolean' },
      createdAt: time,
      warnings: {
        type: 'array',
        items: text,
        description: "Operations named like those of another of the agent's switched-on APIs",
      },
    },
  },
  ShownAuth: {
    description: 'Credentials as shown: the kind and names, secrets masked',
    oneOf: [
      { type: 'object', required: ['type'], properties: { type: { const: 'none' } } },
      {
        type: 'object',
        required: ['type', 'in', 'name', 'value'],
        properties: { type: { const: 'apiKey' }, in: { enum: ['header', 'query'] }, name: text, value: text },
      },
      {
        type: 'object',
        required: ['type', 'token'],
        properties: { type: { const: 'bearer' }, token: text },
      },
      {
        type: 'object',
        required: ['type', 'username', 'password'],
        properties: { type: { const: 'basic' }, username: text, password: text },
      },
    ],
  },
  Integration: { type: 'object', required: integrationRequired, properties: integrationProperties },
  LintFinding: lintFinding,
  Operation: operation,
  IntegrationDetail: {
    type: 'object',
    required: [...integrationRequired, 'openapiVersion', 'operations', 'lint'],
    properties: {
      ...integrationProperties,
      openapiVersion: nullableText,
      operations: { type: 'array', items: { $ref: 'Operation#' } },
      lint: { type: 'array', items: { $ref: 'LintFinding#' } },
      diff: { $ref: 'CatalogDiff#' },
    },
  },
  CatalogDiff: catalogDiff,
  SchemaPreview: {
    type: 'object',
    required: ['title', 'openapiVersion', 'sourceUrl', 'baseUrl', 'auth', 'operations', 'lint'],
    properties: {
      title: text,
      openapiVersion: text,
      sourceUrl: nullableText,
      baseUrl: { type: ['string', 'null'], description: "The schema's first server" },
      auth: {
        description: 'The credentials the schema asks for',
        anyOf: [
          {
            type: 'object',
            required: ['type', 'in', 'name'],
            properties: { type: { const: 'apiKey' }, in: { enum: ['header', 'query'] }, name: text },
          },
          { type: 'object', required: ['type'], properties: { type: { enum: ['bearer', 'basic'] } } },
          { type: 'null' },
        ],
      },
      operations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'method', 'path', 'summary', 'callable'],
          properties: {
            name: text,
            method: text,
            path: text,
            summary: nullableText,
            callable: { type: 'boolean' },
          },
        },
      },
      lint: { type: 'array', items: { $ref: 'LintFinding#' } },
    },
  },
  ReimportPreview: {
    type: 'object',
    required: ['version', 'openapiVersion', 'sha256', 'operations', 'diff', 'lint'],
    properties: {
      version: { type: 'integer' },
      openapiVersion: text,
      title: text,
      sha256: text,
      operations: { type: 'integer' },
      diff: { $ref: 'CatalogDiff#' },
      lint: { type: 'array', items: { $ref: 'LintFinding#' } },
      identityProblems: {
        type: 'array',
        items: text,
        description:
          "Identity bindings the new version would break: those operations would leave the agents' tools until fixed",
      },
    },
  },
  IntegrationVersion: {
    type: 'object',
    required: ['version', 'sha256', 'sourceUrl', 'openapiVersion', 'createdAt'],
    properties: {
      integrationId: text,
      version: { type: 'integer' },
      sourceUrl: nullableText,
      sha256: text,
      openapiVersion: text,
      createdAt: time,
    },
  },
  IntegrationVersionDetail: {
    type: 'object',
    required: [
      'version',
      'openapiVersion',
      'sha256',
      'sourceUrl',
      'createdAt',
      'operations',
      'lint',
      'sourceText',
    ],
    properties: {
      version: { type: 'integer' },
      openapiVersion: text,
      sha256: text,
      sourceUrl: nullableText,
      createdAt: time,
      operations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'operationId', 'method', 'path'],
          properties: { name: text, operationId: nullableText, method: text, path: text },
        },
      },
      lint: { type: 'array', items: { $ref: 'LintFinding#' } },
      sourceText: text,
    },
  },
  TryResult: {
    type: 'object',
    required: ['outcome', 'durationMs', 'request', 'response', 'customerMessage', 'error'],
    properties: {
      outcome: text,
      durationMs: { type: 'number' },
      attempts: { type: 'integer' },
      request: {
        type: 'object',
        required: ['method', 'url', 'headers'],
        properties: {
          method: text,
          url: text,
          headers: stringMap,
          body: { description: 'The body sent (a JSON value, or text), secrets scrubbed' },
        },
      },
      response: {
        anyOf: [
          {
            type: 'object',
            required: ['status', 'headers', 'body', 'truncated'],
            properties: {
              status: { type: 'integer' },
              headers: stringMap,
              body: { description: 'Parsed JSON, or the text for anything else' },
              truncated: { type: 'boolean' },
            },
          },
          { type: 'null' },
        ],
      },
      customerMessage: nullableText,
      error: nullableText,
    },
  },
  RequestLog: {
    type: 'object',
    required: [
      'id',
      'integrationId',
      'agentId',
      'conversationId',
      'tool',
      'method',
      'url',
      'requestHeaders',
      'requestBody',
      'status',
      'durationMs',
      'responseExcerpt',
      'outcome',
      'error',
      'attempts',
      'createdAt',
    ],
    properties: {
      id: text,
      integrationId: text,
      agentId: nullableText,
      conversationId: nullableText,
      tool: text,
      operationId: nullableText,
      method: text,
      url: text,
      requestHeaders: stringMap,
      requestBody: nullableText,
      status: { type: ['integer', 'null'] },
      durationMs: { type: 'number' },
      responseExcerpt: nullableText,
      responseTruncated: { type: ['boolean', 'null'] },
      outcome: text,
      error: nullableText,
      attempts: { type: 'integer' },
      identity: { anyOf: [requestIdentity, { type: 'null' }] },
      createdAt: time,
    },
  },
  Conversation: { type: 'object', required: conversationRequired, properties: conversationProperties },
  Message: message,
  TraceStep: traceStep,
  TurnTrace: {
    type: 'object',
    required: ['id', 'messageId', 'steps'],
    properties: {
      id: text,
      conversationId: text,
      messageId: nullableText,
      customerMessageId: nullableText,
      outcome: text,
      droppedReply: nullableText,
      steps: { type: 'array', items: { $ref: 'TraceStep#' } },
      createdAt: time,
    },
  },
  ConversationDetail: {
    type: 'object',
    required: [...conversationRequired, 'messages', 'traces'],
    properties: {
      ...conversationProperties,
      messages: { type: 'array', items: { $ref: 'Message#' } },
      traces: { type: 'array', items: { $ref: 'TurnTrace#' } },
    },
  },
  MessagePage: {
    type: 'object',
    required: ['status', 'items'],
    properties: {
      status: { enum: ['open', 'waiting-for-human', 'closed'] },
      items: { type: 'array', items: { $ref: 'Message#' } },
    },
  },
  TurnResult: {
    type: 'object',
    required: ['reply', 'trace', 'status', 'pendingAction', 'messageId'],
    properties: {
      reply: {
        anyOf: [
          { type: 'object', required: ['id', 'text'], properties: { id: text, text } },
          { type: 'null' },
        ],
        description: 'Null when the conversation waits for a person (the message was stored)',
      },
      trace: {
        type: 'object',
        required: ['steps', 'dataSources', 'knowledgeSources'],
        properties: {
          steps: { type: 'array', items: { $ref: 'TraceStep#' } },
          dataSources: { type: 'array', items: text },
          knowledgeSources: {
            type: 'array',
            items: { $ref: 'KnowledgeSourceRef#' },
            description: 'The articles, pages or FAQs the reply used',
          },
        },
      },
      status: { enum: ['open', 'waiting-for-human', 'closed'] },
      pendingAction: {
        anyOf: [
          {
            type: 'object',
            required: ['tool', 'summary', 'expiresAt'],
            properties: { tool: text, summary: text, expiresAt: time },
          },
          { type: 'null' },
        ],
      },
      messageId: text,
      signIn: {
        anyOf: [{ type: 'object', required: ['url'], properties: { url: nullableText } }, { type: 'null' }],
        description: 'Set when the visitor was asked to sign in: where',
      },
    },
  },
  WidgetConversation: {
    type: 'object',
    required: ['id', 'visitorToken', 'status', 'signedIn'],
    properties: {
      id: text,
      visitorToken: {
        type: 'string',
        description: 'Send it as X-Visitor-Token to read or write this conversation',
      },
      status: { enum: ['open', 'waiting-for-human', 'closed'] },
      signedIn: { type: 'boolean', description: 'Whether it acts for a verified customer' },
    },
  },
  WidgetIdentity: {
    type: 'object',
    required: ['signedIn', 'expiresAt'],
    properties: {
      signedIn: { type: 'boolean' },
      expiresAt: { type: ['string', 'null'], description: 'When the identity stops counting' },
    },
  },
  DemoInfo: {
    type: 'object',
    required: ['propertyId', 'agentId', 'integrationId', 'schemaUrl', 'baseUrl', 'auth'],
    properties: {
      propertyId: nullableText,
      agentId: nullableText,
      integrationId: nullableText,
      schemaUrl: text,
      baseUrl: text,
      auth: {
        type: 'object',
        required: ['type', 'in', 'name', 'value'],
        properties: { type: { const: 'apiKey' }, in: { const: 'header' }, name: text, value: text },
      },
    },
  },
  DemoMode: {
    type: 'object',
    required: ['mode'],
    properties: { mode: { enum: ['normal', 'slow', 'failing'] }, delayMs: { type: 'integer' } },
  },
  Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
  KnowledgeSource: {
    type: 'object',
    required: knowledgeSourceRequired,
    properties: knowledgeSourceProperties,
  },
  KnowledgeSourceDetail: {
    type: 'object',
    required: [...knowledgeSourceRequired, 'content', 'documents'],
    properties: {
      ...knowledgeSourceProperties,
      content: {
        type: ['string', 'null'],
        description: "An article's body as given; a question/answer file's CSV; null for a website",
      },
      documents: {
        type: 'array',
        description: 'The article, each page, or each question, in order',
        items: {
          type: 'object',
          required: ['id', 'sourceId', 'position', 'title', 'url', 'text', 'error', 'fetchedAt', 'passages'],
          properties: {
            id: text,
            sourceId: text,
            position: { type: 'integer' },
            title: text,
            url: nullableText,
            text: { type: 'string', description: 'The text read (a page: its main text)' },
            error: { type: ['string', 'null'], description: 'Why a page could not be fetched or read' },
            fetchedAt: { type: ['string', 'null'] },
            passages: { type: 'integer', description: 'Passages indexed from it' },
          },
        },
      },
    },
  },
  KnowledgeSourceRef: {
    type: 'object',
    required: ['sourceId', 'title', 'url'],
    properties: {
      sourceId: text,
      title: { type: 'string', description: 'The title of the document used (article, page, question)' },
      heading: text,
      url: nullableText,
      relevance: { type: 'number', description: "0 to 1: the share of the question's meaning it holds" },
    },
  },
  KnowledgeSearchResult: {
    type: 'object',
    required: ['passages'],
    properties: {
      passages: {
        type: 'array',
        items: {
          type: 'object',
          required: ['sourceId', 'sourceName', 'title', 'heading', 'url', 'text', 'relevance'],
          properties: {
            sourceId: text,
            sourceName: text,
            title: text,
            heading: text,
            url: nullableText,
            text,
            relevance: { type: 'number' },
          },
        },
      },
    },
  },
  AgentKnowledgeLink: {
    type: 'object',
    required: ['agentId', 'sourceId', 'enabled', 'createdAt'],
    properties: { agentId: text, sourceId: text, enabled: { type: 'boolean' }, createdAt: time },
  },
} as const;

/** A 204 answer: no body. */
export const noContent = { type: 'null', description: 'No content' } as const;
