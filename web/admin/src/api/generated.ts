// Generated from the server's route schemas by `npm run generate:api-types`: do not edit.

export interface paths {
    "/api/v1/agents/{agentId}/integrations/{integrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch an integration on or off for an agent */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                    integrationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentIntegrationLink"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{agentId}/knowledge-sources/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch a knowledge source on or off for an agent */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                    sourceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentKnowledgeLink"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an agent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an agent and its conversations */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an agent */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        basePrompt?: string;
                        handoffWebhookUrl?: string | null;
                        identity?: {
                            /** @description The aud tokens must carry; default the agent's public key */
                            audience?: string;
                            /** @description The iss tokens must carry, when set */
                            issuer?: string;
                            jwksUrl?: string;
                            /**
                             * @description none: every visitor is anonymous; secret: HS256 with the generated secret; publicKey: RS256/ES256 with publicKey; jwks: RS256/ES256 with the keys at jwksUrl
                             * @enum {unknown}
                             */
                            method: "none" | "secret" | "publicKey" | "jwks";
                            /** @description PEM (SPKI) public key */
                            publicKey?: string;
                            /** @description Where customers sign in, told to a visitor who must sign in first */
                            signInUrl?: string;
                        };
                        maxToolSteps?: number;
                        model?: {
                            apiKey?: string | null;
                            baseUrl?: string;
                            model?: string;
                            /** @enum {unknown} */
                            provider?: "embedded" | "openai" | "anthropic" | "openai-compatible";
                            temperature?: number;
                        };
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/agents/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a conversation with an agent (the preview chat), as an anonymous visitor or a customer
         * @description With `identity`, the conversation acts for that customer, as if their identity token had been verified: its identity-bound operations use these claims. Only the admin or the property's API key can say who the customer is.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        identity?: {
                            /** @description Custom claims */
                            claims?: Record<string, never>;
                            email?: string;
                            name?: string;
                            /** @description The customer's id */
                            sub: string;
                        };
                        metadata?: Record<string, never>;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Conversation"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/identity/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check an identity token as the widget's would be: the customer it names, or why it is refused */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IdentityCheck"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/identity/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate (or rotate) the HS256 identity secret; it is shown in this answer only
         * @description Switches the agent's identity verification to the secret. Sign customers' identity tokens with it (HS256) on your backend. The previous secret stops working at once, or after `previousValidForMinutes` so that your backend can be updated first.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Keep accepting the previous secret this long (at most a week); default 0 */
                        previousValidForMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IdentitySecret"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agent's integration links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AgentIntegrationLink"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agents/{id}/knowledge-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an agent's knowledge source links */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AgentKnowledgeLink"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a conversation with its messages and turn traces */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConversationDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a conversation status (close it, or reopen it for the agent) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        status: "open" | "waiting-for-human" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Conversation"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/conversations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A conversation as it changes: new messages, status changes and turns, live
         * @description Server-sent events as the widget gets them, with every message (system notes included) and an `update` event (data: `{type}`: message-added, status-changed, handoff, turn-ended, resync) for each change, after which reply states and traces may have changed too.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Send only the messages after this message id */
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-sent events: `message` (id: the message id; data: the message) for each message after `Last-Event-ID` or `after`, then as they come; `status` (data: `{status}`) at first and on each change; `gone` when the conversation was deleted; a comment as heartbeat. Reconnect with `Last-Event-ID` to miss nothing. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/human-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to the customer as a person of the business (the agent stays silent meanwhile) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages of a conversation, oldest first */
        get: {
            parameters: {
                query?: {
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessagePage"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send the customer's message and get the agent's reply with the turn's trace
         * @description With `Accept: text/event-stream` the turn streams as server-sent events: turn-start, tool-call-start, tool-call-end, message-delta, then turn-end with the same body as the JSON answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TurnResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The demo's records, its schema URL and API key (to connect the demo API again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DemoInfo"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/demo/mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the demo API behaves now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DemoMode"];
                    };
                };
            };
        };
        /** Make the demo API normal, slow (timeouts) or failing (503) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Delay of each answer in slow mode (default 15,000 ms) */
                        delayMs?: number;
                        /** @enum {unknown} */
                        mode: "normal" | "slow" | "failing";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DemoMode"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an integration with its operations and lint report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an integration */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change base URL, credentials, timeout or name */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Hosts (`name` or `name:port`) this integration may reach although they are private or loopback; only the admin token may add any (403 for a property API key) */
                        allowHosts?: string[];
                        auth?: {
                            /** @enum {unknown} */
                            type?: "none";
                        } | {
                            /** @enum {unknown} */
                            in: "header" | "query";
                            name: string;
                            /** @enum {unknown} */
                            type?: "apiKey";
                            value: string;
                        } | {
                            token: string;
                            /** @enum {unknown} */
                            type?: "bearer";
                        } | {
                            password: string;
                            /** @enum {unknown} */
                            type?: "basic";
                            username: string;
                        };
                        baseUrl?: string;
                        /** @description Headers sent with every call from the verified customer's claims, e.g. X-Customer-Id from sub; never sent for an anonymous visitor */
                        identityHeaders?: {
                            /** @description A claim of the identity token: sub, email, name or a custom claim */
                            claim: string;
                            name: string;
                        }[];
                        name?: string;
                        timeoutMs?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationDetail"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/integrations/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An integration's request logs, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Only calls made in this conversation */
                    conversationId?: string;
                    /** @description The `next` value of the previous page */
                    cursor?: string;
                    /** @description Calls at or after this time */
                    from?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    /** @description Only calls with this outcome */
                    outcome?: "ok" | "not-found" | "client-error" | "server-error" | "timeout" | "network" | "blocked" | "invalid-arguments" | "unusable-response";
                    /** @description Only calls answered with this HTTP status */
                    status?: number;
                    /** @description Calls before this time */
                    to?: string;
                    /** @description Only calls of this tool */
                    tool?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RequestLog"][];
                            next?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/operations/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Switch one operation on or off, whether the customer confirms it first, and which inputs come from the verified customer
         * @description Settings are kept by operation name, so they carry over to the next schema version while the operation exists.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whether the agent may call the operation */
                        enabled?: boolean;
                        /** @description Inputs set from the verified customer's claims at send time (replaces the list; [] for none). The model never sees or fills them. */
                        identityBindings?: {
                            /** @description A claim of the identity token: sub, email, name or a custom claim */
                            claim: string;
                            /** @enum {unknown} */
                            in: "path" | "query" | "header" | "cookie" | "body";
                            name: string;
                        }[];
                        /** @description Whether the agent asks the customer before calling it; null goes back to the default (from the method, and the schema's x-openai-isConsequential or x-concierge-safe) */
                        needsConfirmation?: boolean | null;
                        /** @description Whether only a verified customer may use it (an anonymous visitor is asked to sign in); null goes back to the default: on when an input is bound */
                        requiresIdentity?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Operation"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/operations/{name}/try": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call one operation for real, as the agent would, and see what was sent and what came back
         * @description With `customer`, its identity-bound inputs and the integration's identity headers are set from those claims, as for a verified customer; without, the arguments are sent as given.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The operation's arguments, by input name */
                        args?: Record<string, never>;
                        /** @description Try it as this verified customer: bound inputs and identity headers come from these claims */
                        customer?: {
                            claims?: Record<string, never>;
                            sub: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TryResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/reimport/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compile a new schema version and show what would change, without applying it
         * @description Without schemaUrl or schemaText, the current version is fetched again from its URL.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The document itself, pasted or read from an uploaded file (YAML or JSON) */
                        schemaText?: string;
                        /** @description Public http(s) URL of the OpenAPI / Swagger document (YAML or JSON) */
                        schemaUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReimportPreview"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an integration's schema versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["IntegrationVersion"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Re-import: store a new schema version and make it current
         * @description Pass the sha256 shown by the preview to make sure the document applied is the one previewed (409 otherwise). Operation switches carry over to operations that still exist.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The document itself, pasted or read from an uploaded file (YAML or JSON) */
                        schemaText?: string;
                        /** @description Public http(s) URL of the OpenAPI / Swagger document (YAML or JSON) */
                        schemaUrl?: string;
                        sha256?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One schema version: its operations, lint report and source */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationVersionDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a knowledge source with its documents (pages, questions) and what each was read into */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeSourceDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a knowledge source (agents stop searching it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a knowledge source (read again; a website is fetched again when its pages change) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown, plain text or HTML */
                        body?: string;
                        /** @description Columns question and answer (and url), or the first two columns without a header */
                        csv?: string;
                        /**
                         * @description Default markdown
                         * @enum {unknown}
                         */
                        format?: "markdown" | "text" | "html";
                        /** @description Pages read at most; default 25 */
                        maxPages?: number;
                        name?: string;
                        /** @description A sitemap (or sitemap index) whose pages are read after urls */
                        sitemapUrl?: string | null;
                        /** @description The article's title; absent: its first heading (or an HTML page's title) */
                        title?: string;
                        /** @description Its public link, named in replies */
                        url?: string | null;
                        /** @description Page URLs, fetched in order */
                        urls?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeSourceDetail"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/knowledge-sources/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a source again: a website's pages are fetched again (the old pages stay when none can be read) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeSourceDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request log entry in full */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestLog"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List properties */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Property"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a property */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Property"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a property */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Property"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a property and everything in it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a property */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Property"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/properties/{id}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a property's agents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Agent"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        basePrompt?: string;
                        handoffWebhookUrl?: string | null;
                        identity?: {
                            /** @description The aud tokens must carry; default the agent's public key */
                            audience?: string;
                            /** @description The iss tokens must carry, when set */
                            issuer?: string;
                            jwksUrl?: string;
                            /**
                             * @description none: every visitor is anonymous; secret: HS256 with the generated secret; publicKey: RS256/ES256 with publicKey; jwks: RS256/ES256 with the keys at jwksUrl
                             * @enum {unknown}
                             */
                            method: "none" | "secret" | "publicKey" | "jwks";
                            /** @description PEM (SPKI) public key */
                            publicKey?: string;
                            /** @description Where customers sign in, told to a visitor who must sign in first */
                            signInUrl?: string;
                        };
                        maxToolSteps?: number;
                        model?: {
                            apiKey?: string | null;
                            baseUrl?: string;
                            model?: string;
                            /** @enum {unknown} */
                            provider?: "embedded" | "openai" | "anthropic" | "openai-compatible";
                            temperature?: number;
                        };
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a property's API keys (without the keys) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key that can only reach this property (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a property's conversations, waiting-for-human first, then newest
         * @description Each has `unanswered`: how many of its customer messages the agent did not answer (the turn failed, the customer left, or a restart handed it to a person).
         */
        get: {
            parameters: {
                query?: {
                    agentId?: string;
                    /** @description The `next` value of the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description Skip this many instead of a cursor (deprecated: slow at depth); `next` is then an offset */
                    offset?: number;
                    status?: "open" | "waiting-for-human" | "closed";
                    /** @description Only conversations with customer messages the agent did not answer */
                    unanswered?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Conversation"][];
                            next?: string | number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a property's integrations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Integration"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Connect an API: import its OpenAPI schema (URL or text) as version 1, with base URL and credentials */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Hosts (`name` or `name:port`) this integration may reach although they are private or loopback; only the admin token may add any (403 for a property API key) */
                        allowHosts?: string[];
                        auth?: {
                            /** @enum {unknown} */
                            type?: "none";
                        } | {
                            /** @enum {unknown} */
                            in: "header" | "query";
                            name: string;
                            /** @enum {unknown} */
                            type?: "apiKey";
                            value: string;
                        } | {
                            token: string;
                            /** @enum {unknown} */
                            type?: "bearer";
                        } | {
                            password: string;
                            /** @enum {unknown} */
                            type?: "basic";
                            username: string;
                        };
                        baseUrl?: string;
                        /** @description Headers sent with every call from the verified customer's claims, e.g. X-Customer-Id from sub; never sent for an anonymous visitor */
                        identityHeaders?: {
                            /** @description A claim of the identity token: sub, email, name or a custom claim */
                            claim: string;
                            name: string;
                        }[];
                        name: string;
                        /** @description The document itself, pasted or read from an uploaded file (YAML or JSON) */
                        schemaText?: string;
                        /** @description Public http(s) URL of the OpenAPI / Swagger document (YAML or JSON) */
                        schemaUrl?: string;
                        timeoutMs?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/integrations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch and compile a schema as connecting it would, without storing anything
         * @description What the add form shows before Save: the title, the base URL the schema names, the credentials it asks for and its operations; or the same 422 error that connecting would give.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The document itself, pasted or read from an uploaded file (YAML or JSON) */
                        schemaText?: string;
                        /** @description Public http(s) URL of the OpenAPI / Swagger document (YAML or JSON) */
                        schemaUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchemaPreview"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/knowledge-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search a property's knowledge sources as an agent would (all of them, or an agent's) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Search that agent's sources only */
                        agentId?: string;
                        query: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeSearchResult"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/knowledge-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a property's knowledge sources */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["KnowledgeSource"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a knowledge source: an article, a website (page URLs or a sitemap, fetched now) or a question/answer CSV */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown, plain text or HTML */
                        body: string;
                        /**
                         * @description Default markdown
                         * @enum {unknown}
                         */
                        format?: "markdown" | "text" | "html";
                        /** @enum {unknown} */
                        kind?: "article";
                        /** @description The article's title; absent: its first heading (or an HTML page's title) */
                        title?: string;
                        /** @description Its public link, named in replies */
                        url?: string | null;
                    } | {
                        /** @enum {unknown} */
                        kind?: "website";
                        /** @description Pages read at most; default 25 */
                        maxPages?: number;
                        name: string;
                        /** @description A sitemap (or sitemap index) whose pages are read after urls */
                        sitemapUrl?: string | null;
                        /** @description Page URLs, fetched in order */
                        urls?: string[];
                    } | {
                        /** @description Columns question and answer (and url), or the first two columns without a header */
                        csv: string;
                        /** @enum {unknown} */
                        kind?: "faq";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnowledgeSourceDetail"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Request logs of all a property's integrations, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Only calls made in this conversation */
                    conversationId?: string;
                    /** @description The `next` value of the previous page */
                    cursor?: string;
                    /** @description Calls at or after this time */
                    from?: string;
                    /** @description Only calls to this integration */
                    integrationId?: string;
                    /** @description Page size (default 50) */
                    limit?: number;
                    /** @description Only calls with this outcome */
                    outcome?: "ok" | "not-found" | "client-error" | "server-error" | "timeout" | "network" | "blocked" | "invalid-arguments" | "unusable-response";
                    /** @description Only calls answered with this HTTP status */
                    status?: number;
                    /** @description Calls before this time */
                    to?: string;
                    /** @description Only calls of this tool */
                    tool?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RequestLog"][];
                            next?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a conversation from the widget with the agent's public key
         * @description With `identityToken` (a JWT the business's backend signed for the signed-in customer), the conversation acts for that customer and never for another; a token that does not verify is refused with 401 `identity-refused` and nothing is created.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agentKey: string;
                        identityToken?: string;
                        metadata?: Record<string, never>;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetConversation"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The visitor's conversation as it changes: a person's replies and status changes, live
         * @description Server-sent events, with the visitor token as `X-Visitor-Token` (read it with fetch: EventSource cannot send headers). System notes are left out, as in GET …/messages.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Send only the messages after this message id */
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-sent events: `message` (id: the message id; data: the message) for each message after `Last-Event-ID` or `after`, then as they come; `status` (data: `{status}`) at first and on each change; `gone` when the conversation was deleted; a comment as heartbeat. Reconnect with `Last-Event-ID` to miss nothing. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations/{id}/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Sign the conversation in as the customer of an identity token, or refresh their sign-in
         * @description A conversation acts for one customer only: a token for another is refused with 409 `identity-mismatch` (start a new conversation); a token that does not verify with 401 `identity-refused`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        identityToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetIdentity"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Sign the customer out of the conversation (Concierge.logout())
         * @description The conversation stops acting for the customer at once; it can never act for another customer.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/widget/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visitor's conversation messages (poll with `after` for a person's replies) */
        get: {
            parameters: {
                query?: {
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessagePage"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send the visitor's message; JSON or server-sent events as in the chat API
         * @description Answers the public view of the turn: the reply, the names of its sources and the state (waiting for confirmation, handed to a person, asked to sign in); never the trace. With `Accept: text/event-stream`: message-delta events, then turn-end with the same body. An `X-Identity-Token` header signs the conversation in (or refreshes the sign-in) before the turn, as PUT …/identity does.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messageId: string;
                            pendingAction: {
                                expiresAt: string;
                                summary: string;
                            } | null;
                            reply: {
                                id: string;
                                text: string;
                            } | null;
                            signIn: {
                                url: string | null;
                            } | null;
                            sources: string[];
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Agent: {
            basePrompt: string;
            /** @description ISO 8601 time */
            createdAt: string;
            handoffWebhookUrl: string | null;
            id: string;
            /** @description How identity tokens of signed-in customers are checked */
            identity: {
                /** @description The aud tokens must carry (default the agent's public key) */
                audience: string;
                issuer?: string;
                jwksUrl?: string;
                /** @enum {unknown} */
                method: "none" | "secret" | "publicKey" | "jwks";
                publicKey?: string;
                secret: {
                    createdAt: string | null;
                    /** @description Masked: the last four characters */
                    hint: string;
                    /** @description Until when the secret before it is still accepted */
                    previousValidUntil: string | null;
                } | null;
                signInUrl?: string;
            };
            maxToolSteps: number;
            model: {
                /** @description Masked */
                apiKey?: string;
                baseUrl?: string;
                model?: string;
                /** @enum {unknown} */
                provider?: "embedded" | "openai" | "anthropic" | "openai-compatible";
                temperature?: number;
            };
            name: string;
            propertyId: string;
            /** @description The key the widget names in data-agent */
            publicKey: string;
            /** @description ISO 8601 time */
            updatedAt: string;
        };
        AgentIntegrationLink: {
            agentId: string;
            /** @description ISO 8601 time */
            createdAt?: string;
            enabled: boolean;
            integrationId: string;
            /** @description Operations named like those of another of the agent's switched-on APIs */
            warnings: string[];
        };
        AgentKnowledgeLink: {
            agentId: string;
            /** @description ISO 8601 time */
            createdAt: string;
            enabled: boolean;
            sourceId: string;
        };
        ApiKey: {
            /** @description ISO 8601 time */
            createdAt: string;
            id: string;
            /** @description The key itself: only in the answer that creates it */
            key?: string;
            name: string;
            /** @description The first characters of the key */
            prefix: string;
            propertyId: string;
        };
        CatalogDiff: {
            added: string[];
            changed: {
                changes: string[];
                name: string;
            }[];
            removed: string[];
            unchanged: number;
        };
        Conversation: {
            agentId: string;
            /** @description ISO 8601 time */
            createdAt: string;
            id: string;
            /** @description The verified customer it acts for, or null for an anonymous visitor */
            identity: {
                /** @description Every claim but iss, aud, exp, iat, nbf, jti */
                claims: {
                    [key: string]: unknown;
                };
                email?: string;
                /** @description When it stops counting; null: never */
                expiresAt: string | null;
                name?: string;
                /** @enum {unknown} */
                source: "token" | "admin";
                /** @description The customer's id at the business */
                sub: string;
                /** @description ISO 8601 time */
                verifiedAt: string;
            } | null;
            metadata: {
                [key: string]: unknown;
            };
            pendingAction?: unknown;
            propertyId: string;
            /** @enum {unknown} */
            status: "open" | "waiting-for-human" | "closed";
            unanswered?: number;
            /** @description ISO 8601 time */
            updatedAt: string;
            visitorId: string | null;
        };
        ConversationDetail: {
            agentId: string;
            /** @description ISO 8601 time */
            createdAt: string;
            id: string;
            /** @description The verified customer it acts for, or null for an anonymous visitor */
            identity: {
                /** @description Every claim but iss, aud, exp, iat, nbf, jti */
                claims: {
                    [key: string]: unknown;
                };
                email?: string;
                /** @description When it stops counting; null: never */
                expiresAt: string | null;
                name?: string;
                /** @enum {unknown} */
                source: "token" | "admin";
                /** @description The customer's id at the business */
                sub: string;
                /** @description ISO 8601 time */
                verifiedAt: string;
            } | null;
            messages: components["schemas"]["Message"][];
            metadata: {
                [key: string]: unknown;
            };
            pendingAction?: unknown;
            propertyId: string;
            /** @enum {unknown} */
            status: "open" | "waiting-for-human" | "closed";
            traces: components["schemas"]["TurnTrace"][];
            unanswered?: number;
            /** @description ISO 8601 time */
            updatedAt: string;
            visitorId: string | null;
        };
        DemoInfo: {
            agentId: string | null;
            auth: {
                /** @enum {unknown} */
                in: "header";
                name: string;
                /** @enum {unknown} */
                type: "apiKey";
                value: string;
            };
            baseUrl: string;
            integrationId: string | null;
            propertyId: string | null;
            schemaUrl: string;
        };
        DemoMode: {
            delayMs?: number;
            /** @enum {unknown} */
            mode: "normal" | "slow" | "failing";
        };
        Health: {
            /** @enum {unknown} */
            status: "ok";
        };
        IdentityCheck: {
            /** @description Why the token is refused */
            error?: string;
            /** @description ISO 8601 time */
            expiresAt?: string;
            identity?: {
                /** @description Every claim but iss, aud, exp, iat, nbf, jti */
                claims: {
                    [key: string]: unknown;
                };
                email?: string;
                name?: string;
                /** @description The customer's id at the business */
                sub: string;
            };
            ok: boolean;
        };
        IdentitySecret: {
            /** @description ISO 8601 time */
            createdAt: string;
            /** @description Until when the previous secret works */
            previousValidUntil: string | null;
            /** @description The HS256 secret: shown in this answer only */
            secret: string;
        };
        Integration: {
            allowHosts: string[];
            auth: components["schemas"]["ShownAuth"];
            baseUrl: string;
            /** @description ISO 8601 time */
            createdAt: string;
            id: string;
            /** @description Headers sent with every call from the verified customer's claims */
            identityHeaders: {
                /** @description A claim of the identity token: sub, email, name or a custom one */
                claim: string;
                name: string;
            }[];
            name: string;
            propertyId: string;
            timeoutMs: number;
            /** @description ISO 8601 time */
            updatedAt: string;
            /** @description The current schema version; 0 before the first import */
            version: number;
        };
        IntegrationDetail: {
            allowHosts: string[];
            auth: components["schemas"]["ShownAuth"];
            baseUrl: string;
            /** @description ISO 8601 time */
            createdAt: string;
            diff?: components["schemas"]["CatalogDiff"];
            id: string;
            /** @description Headers sent with every call from the verified customer's claims */
            identityHeaders: {
                /** @description A claim of the identity token: sub, email, name or a custom one */
                claim: string;
                name: string;
            }[];
            lint: components["schemas"]["LintFinding"][];
            name: string;
            openapiVersion: string | null;
            operations: components["schemas"]["Operation"][];
            propertyId: string;
            timeoutMs: number;
            /** @description ISO 8601 time */
            updatedAt: string;
            /** @description The current schema version; 0 before the first import */
            version: number;
        };
        IntegrationVersion: {
            /** @description ISO 8601 time */
            createdAt: string;
            integrationId?: string;
            openapiVersion: string;
            sha256: string;
            sourceUrl: string | null;
            version: number;
        };
        IntegrationVersionDetail: {
            /** @description ISO 8601 time */
            createdAt: string;
            lint: components["schemas"]["LintFinding"][];
            openapiVersion: string;
            operations: {
                method: string;
                name: string;
                operationId: string | null;
                path: string;
            }[];
            sha256: string;
            sourceText: string;
            sourceUrl: string | null;
            version: number;
        };
        KnowledgeSearchResult: {
            passages: {
                heading: string;
                relevance: number;
                sourceId: string;
                sourceName: string;
                text: string;
                title: string;
                url: string | null;
            }[];
        };
        KnowledgeSource: {
            /** @description ISO 8601 time */
            createdAt: string;
            /** @description Documents read: the article, each page, each question */
            documentCount: number;
            /** @description Pages that could not be fetched or read */
            failedDocumentCount: number;
            /** @description markdown, text or html for an article; csv for a file */
            format: string | null;
            id: string;
            /** @enum {unknown} */
            kind: "article" | "website" | "faq";
            /** @description A website's page cap */
            maxPages: number | null;
            /** @description An article's title, a website's or file's name */
            name: string;
            /** @description Passages indexed for the search */
            passageCount: number;
            propertyId: string;
            /** @description When it was last read (a website: fetched) */
            refreshedAt: string | null;
            /** @description A website's sitemap */
            sitemapUrl: string | null;
            /** @description ISO 8601 time */
            updatedAt: string;
            /** @description An article's public link */
            url: string | null;
            /** @description A website's page URLs */
            urls: string[];
        };
        KnowledgeSourceDetail: {
            /** @description An article's body as given; a question/answer file's CSV; null for a website */
            content: string | null;
            /** @description ISO 8601 time */
            createdAt: string;
            /** @description Documents read: the article, each page, each question */
            documentCount: number;
            /** @description The article, each page, or each question, in order */
            documents: {
                /** @description Why a page could not be fetched or read */
                error: string | null;
                fetchedAt: string | null;
                id: string;
                /** @description Passages indexed from it */
                passages: number;
                position: number;
                sourceId: string;
                /** @description The text read (a page: its main text) */
                text: string;
                title: string;
                url: string | null;
            }[];
            /** @description Pages that could not be fetched or read */
            failedDocumentCount: number;
            /** @description markdown, text or html for an article; csv for a file */
            format: string | null;
            id: string;
            /** @enum {unknown} */
            kind: "article" | "website" | "faq";
            /** @description A website's page cap */
            maxPages: number | null;
            /** @description An article's title, a website's or file's name */
            name: string;
            /** @description Passages indexed for the search */
            passageCount: number;
            propertyId: string;
            /** @description When it was last read (a website: fetched) */
            refreshedAt: string | null;
            /** @description A website's sitemap */
            sitemapUrl: string | null;
            /** @description ISO 8601 time */
            updatedAt: string;
            /** @description An article's public link */
            url: string | null;
            /** @description A website's page URLs */
            urls: string[];
        };
        KnowledgeSourceRef: {
            heading?: string;
            /** @description 0 to 1: the share of the question's meaning it holds */
            relevance?: number;
            sourceId: string;
            /** @description The title of the document used (article, page, question) */
            title: string;
            url: string | null;
        };
        LintFinding: {
            code: string;
            fix?: string;
            line?: number;
            message: string;
            pointer: string;
            /** @enum {unknown} */
            severity: "error" | "warning" | "info";
            tool?: string;
        };
        Message: {
            conversationId?: string;
            /** @description ISO 8601 time */
            createdAt: string;
            id: string;
            replyState?: ("pending" | "answered" | "for-person" | "cancelled" | "failed" | "handed-over") | null;
            replyTo?: string | null;
            /** @enum {unknown} */
            role: "customer" | "agent" | "human" | "system";
            text: string;
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            /** @enum {unknown} */
            status: "open" | "waiting-for-human" | "closed";
        };
        Operation: {
            /** @description The inputs a claim may be bound to */
            bindableInputs: {
                /** @enum {unknown} */
                in: "path" | "query" | "header" | "cookie" | "body";
                name: string;
                required: boolean;
            }[];
            callable: boolean;
            description: string;
            enabled: boolean;
            /** @description Inputs set from the verified customer's claims; the model never sees them */
            identityBindings: {
                /** @description A claim of the identity token: sub, email, name or a custom one */
                claim: string;
                /** @enum {unknown} */
                in: "path" | "query" | "header" | "cookie" | "body";
                name: string;
            }[];
            /** @description Bindings that no longer fit the operation: it is not offered until they are fixed */
            identityProblems: string[];
            inputSchema: {
                [key: string]: unknown;
            };
            method: string;
            name: string;
            needsConfirmation: boolean;
            needsConfirmationDefault: boolean;
            operationId: string | null;
            path: string;
            readOnly: boolean;
            /** @description Only a verified customer may use it */
            requiresIdentity: boolean;
            /** @description True when an input is bound */
            requiresIdentityDefault: boolean;
            summary: string | null;
            uncallableReason: string | null;
        };
        Property: {
            /** @description ISO 8601 time */
            createdAt: string;
            id: string;
            name: string;
            /** @description ISO 8601 time */
            updatedAt: string;
        };
        ReimportPreview: {
            diff: components["schemas"]["CatalogDiff"];
            /** @description Identity bindings the new version would break: those operations would leave the agents' tools until fixed */
            identityProblems?: string[];
            lint: components["schemas"]["LintFinding"][];
            openapiVersion: string;
            operations: number;
            sha256: string;
            title?: string;
            version: number;
        };
        RequestLog: {
            agentId: string | null;
            attempts: number;
            conversationId: string | null;
            /** @description ISO 8601 time */
            createdAt: string;
            durationMs: number;
            error: string | null;
            id: string;
            identity?: {
                /** @description The customer's sub */
                subject: string;
                values: {
                    /** @description A claim of the identity token: sub, email, name or a custom one */
                    claim: string;
                    in: string;
                    name: string;
                }[];
            } | null;
            integrationId: string;
            method: string;
            operationId?: string | null;
            outcome: string;
            requestBody: string | null;
            requestHeaders: {
                [key: string]: string;
            };
            responseExcerpt: string | null;
            responseTruncated?: boolean | null;
            status: number | null;
            tool: string;
            url: string;
        };
        SchemaPreview: {
            /** @description The credentials the schema asks for */
            auth: {
                /** @enum {unknown} */
                in: "header" | "query";
                name: string;
                /** @enum {unknown} */
                type: "apiKey";
            } | {
                /** @enum {unknown} */
                type: "bearer" | "basic";
            } | null;
            /** @description The schema's first server */
            baseUrl: string | null;
            lint: components["schemas"]["LintFinding"][];
            openapiVersion: string;
            operations: {
                callable: boolean;
                method: string;
                name: string;
                path: string;
                summary: string | null;
            }[];
            sourceUrl: string | null;
            title: string;
        };
        /** @description Credentials as shown: the kind and names, secrets masked */
        ShownAuth: {
            /** @enum {unknown} */
            type: "none";
        } | {
            /** @enum {unknown} */
            in: "header" | "query";
            name: string;
            /** @enum {unknown} */
            type: "apiKey";
            value: string;
        } | {
            token: string;
            /** @enum {unknown} */
            type: "bearer";
        } | {
            password: string;
            /** @enum {unknown} */
            type: "basic";
            username: string;
        };
        TraceStep: {
            durationMs: number;
            finishReason: string;
            inputTokens?: number;
            outputTokens?: number;
            /** @enum {unknown} */
            type: "model-call";
        } | {
            args: unknown;
            durationMs: number;
            error?: string;
            idempotencyKey?: string;
            identity?: {
                /** @description The customer's sub */
                subject: string;
                values: {
                    /** @description A claim of the identity token: sub, email, name or a custom one */
                    claim: string;
                    in: string;
                    name: string;
                }[];
            };
            integrationId?: string;
            operationId?: string;
            outcome: string;
            responseExcerpt: string;
            status?: number;
            tool: string;
            /** @enum {unknown} */
            type: "tool-call";
        } | {
            tool: string;
            /** @enum {unknown} */
            type: "sign-in-required";
        } | {
            args: unknown;
            tool: string;
            /** @enum {unknown} */
            type: "confirmation-requested";
        } | {
            /** @enum {unknown} */
            decision: "confirmed" | "cancelled" | "expired" | "superseded" | "interrupted";
            /** @enum {unknown} */
            type: "confirmation-resolved";
        } | {
            reason: string;
            /** @enum {unknown} */
            type: "handoff";
        } | {
            message: string;
            /** @enum {unknown} */
            type: "model-error";
        } | {
            durationMs: number;
            error?: string;
            passages: components["schemas"]["KnowledgeSourceRef"][];
            query: string;
            /** @enum {unknown} */
            type: "knowledge-search";
        } | {
            /** @description The knowledge sources the reply used */
            knowledge?: components["schemas"]["KnowledgeSourceRef"][];
            tools: string[];
            /** @enum {unknown} */
            type: "data-sources";
        } | {
            /** @enum {unknown} */
            reason: "cancelled" | "taken-over";
            /** @enum {unknown} */
            type: "turn-stopped";
        } | {
            /** @description ISO 8601 time */
            messageAt: string;
            /** @enum {unknown} */
            type: "recovered";
        };
        TryResult: {
            attempts?: number;
            customerMessage: string | null;
            durationMs: number;
            error: string | null;
            outcome: string;
            request: {
                /** @description The body sent (a JSON value, or text), secrets scrubbed */
                body?: unknown;
                headers: {
                    [key: string]: string;
                };
                method: string;
                url: string;
            };
            response: {
                /** @description Parsed JSON, or the text for anything else */
                body: unknown;
                headers: {
                    [key: string]: string;
                };
                status: number;
                truncated: boolean;
            } | null;
        };
        TurnResult: {
            messageId: string;
            pendingAction: {
                /** @description ISO 8601 time */
                expiresAt: string;
                summary: string;
                tool: string;
            } | null;
            /** @description Null when the conversation waits for a person (the message was stored) */
            reply: {
                id: string;
                text: string;
            } | null;
            /** @description Set when the visitor was asked to sign in: where */
            signIn?: {
                url: string | null;
            } | null;
            /** @enum {unknown} */
            status: "open" | "waiting-for-human" | "closed";
            trace: {
                dataSources: string[];
                /** @description The articles, pages or FAQs the reply used */
                knowledgeSources: components["schemas"]["KnowledgeSourceRef"][];
                steps: components["schemas"]["TraceStep"][];
            };
        };
        TurnTrace: {
            conversationId?: string;
            /** @description ISO 8601 time */
            createdAt?: string;
            customerMessageId?: string | null;
            droppedReply?: string | null;
            id: string;
            messageId: string | null;
            outcome?: string;
            steps: components["schemas"]["TraceStep"][];
        };
        WidgetConversation: {
            id: string;
            /** @description Whether it acts for a verified customer */
            signedIn: boolean;
            /** @enum {unknown} */
            status: "open" | "waiting-for-human" | "closed";
            /** @description Send it as X-Visitor-Token to read or write this conversation */
            visitorToken: string;
        };
        WidgetIdentity: {
            /** @description When the identity stops counting */
            expiresAt: string | null;
            signedIn: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
