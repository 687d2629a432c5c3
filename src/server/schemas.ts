// JSON Schemas of the admin API's bodies and parameters, shared by routes and the OpenAPI document.

/** `{ id }` path parameter. */
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const secret = { type: 'string', minLength: 1, maxLength: 4096 } as const;
const httpUrl = { type: 'string', minLength: 1, maxLength: 2048, pattern: '^https?://' } as const;

/** Credentials for a business API, discriminated by `type`. */
export const authSchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    { type: 'object', properties: { type: { const: 'none' } }, additionalProperties: false },
    {
      type: 'object',
      required: ['in', 'name', 'value'],
      properties: {
        type: { const: 'apiKey' },
        in: { enum: ['header', 'query'] },
        name: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\s:]+$' },
        value: secret,
      },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['token'],
      properties: { type: { const: 'bearer' }, token: secret },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['username', 'password'],
      properties: {
        type: { const: 'basic' },
        username: { type: 'string', maxLength: 512 },
        password: secret,
      },
      additionalProperties: false,
    },
  ],
} as const;

/** Which model an agent uses (absent provider: the server's default). `apiKey` is write-only; `null` removes it. */
export const modelSchema = {
  type: 'object',
  properties: {
    provider: { enum: ['embedded', 'openai', 'anthropic', 'openai-compatible'] },
    model: { type: 'string', minLength: 1, maxLength: 200 },
    baseUrl: httpUrl,
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    apiKey: { anyOf: [secret, { type: 'null' }] },
  },
  additionalProperties: false,
} as const;

/** A claim of the verified customer: `sub`, `email`, `name` or a custom claim (namespaced URLs allowed). */
export const claimName = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_.:/#-]+$',
  description: 'A claim of the identity token: sub, email, name or a custom claim',
} as const;

/** How an agent checks the identity tokens of signed-in customers (the secret is generated separately). */
export const identitySettingsSchema = {
  type: 'object',
  required: ['method'],
  properties: {
    method: {
      enum: ['none', 'secret', 'publicKey', 'jwks'],
      description:
        'none: every visitor is anonymous; secret: HS256 with the generated secret; publicKey: RS256/ES256 with publicKey; jwks: RS256/ES256 with the keys at jwksUrl',
    },
    publicKey: { type: 'string', minLength: 1, maxLength: 10_000, description: 'PEM (SPKI) public key' },
    jwksUrl: httpUrl,
    audience: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: "The aud tokens must carry; default the agent's public key",
    },
    issuer: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      description: 'The iss tokens must carry, when set',
    },
    signInUrl: {
      ...httpUrl,
      description: 'Where customers sign in, told to a visitor who must sign in first',
    },
  },
  additionalProperties: false,
} as const;

/** Body of creating an agent. */
export const createAgentBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name,
    basePrompt: { type: 'string', maxLength: 20_000 },
    model: modelSchema,
    maxToolSteps: { type: 'integer', minimum: 1, maximum: 10 },
    handoffWebhookUrl: { anyOf: [httpUrl, { type: 'null' }] },
    identity: identitySettingsSchema,
  },
  additionalProperties: false,
} as const;

/** Body of changing an agent: any subset of the create fields. */
export const updateAgentBody = { ...createAgentBody, required: [] } as const;

/** Body of creating an integration's settings (the schema import adds `schemaUrl` / `schemaText`). */
export const integrationSettingsProperties = {
  name,
  baseUrl: httpUrl,
  auth: authSchema,
  timeoutMs: { type: 'integer', minimum: 1000, maximum: 60_000 },
  allowHosts: {
    type: 'array',
    maxItems: 50,
    items: { type: 'string', minLength: 1, maxLength: 300 },
    description:
      'Hosts (`name` or `name:port`) this integration may reach although they are private or loopback; only the admin token may add any (403 for a property API key)',
  },
  identityHeaders: {
    type: 'array',
    maxItems: 10,
    items: {
      type: 'object',
      required: ['name', 'claim'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100, pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$" },
        claim: claimName,
      },
      additionalProperties: false,
    },
    description:
      "Headers sent with every call from the verified customer's claims, e.g. X-Customer-Id from sub; never sent for an anonymous visitor",
  },
} as const;

/** Body of changing an integration's settings. */
export const updateIntegrationBody = {
  type: 'object',
  properties: integrationSettingsProperties,
  additionalProperties: false,
} as const;

/** The error shape of every failure. */
export const errorResponse = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, where: {} },
      required: ['code', 'message'],
    },
  },
} as const;

/** Body of switching something on or off: `{ enabled }`. */
export const switchBody = {
  type: 'object',
  required: ['enabled'],
  properties: { enabled: { type: 'boolean' } },
  additionalProperties: false,
} as const;
