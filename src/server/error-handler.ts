// Maps every error to `{"error":{"code","message"}}` with a fitting status; never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-errors.js';

interface ErrorBody {
  error: { code: string; message: string; where?: unknown };
}

function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return error.message;
  const context = error.validationContext ?? 'body';
  const path = first.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  if (missing) return `${context}${path ? `.${path}` : ''}: '${missing}' is required`;
  if (extra) return `${context}${path ? `.${path}` : ''}: unknown property '${extra}'`;
  const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
  const suffix = allowed ? ` (${allowed.map((value) => JSON.stringify(value)).join(', ')})` : '';
  return `${context}${path ? `.${path}` : ''} ${first.message ?? 'is invalid'}${suffix}`;
}

/** Turns an error into a status and body. Unknown errors become a generic 500. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    const where = (error as { where?: unknown }).where;
    return {
      status: error.statusCode,
      body: { error: { code: error.code, message: error.message, ...(where ? { where } : {}) } },
    };
  }
  // Input nested so deep that a walker ran out of stack: the input's fault, said plainly.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      status: 400,
      body: { error: { code: 'bad-request', message: 'the input nests too deeply to be processed' } },
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return {
      status: 400,
      body: { error: { code: 'bad-request', message: describeValidation(fastifyError) } },
    };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: {
          error: { code: 'bad-request', message: `the body is not valid JSON: ${fastifyError.message}` },
        },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        body: {
          error: {
            code: 'payload-too-large',
            message: 'the request body is larger than this endpoint accepts',
          },
        },
      };
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        body: {
          error: {
            code: 'bad-request',
            message: 'the URL has a part that is not valid percent-encoded UTF-8',
          },
        },
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        body: {
          error: { code: 'uri-too-long', message: 'a part of the URL path is longer than 100 characters' },
        },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { error: { code: 'unsupported-media-type', message: 'send the body as application/json' } },
      };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = status === 429 ? 'rate-limited' : 'bad-request';
    return { status, body: { error: { code, message: fastifyError.message } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'internal',
        message: 'something went wrong on our side; the server log has the details',
      },
    },
  };
}

/** Fastify error handler: logs server faults (message only: no bodies, no secrets) and replies. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(error);
  if (status >= 500)
    request.log.error({ err: { message: error.message, code: error.code } }, 'request failed');
  void reply.status(status).send(body);
}
