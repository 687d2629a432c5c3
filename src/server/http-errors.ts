// The errors routes throw; the error handler maps each to its status and the one JSON shape.

/** An error with an HTTP status and a stable machine-readable code. */
export class HttpError extends Error {
  constructor(
    /** HTTP status, e.g. 404. */
    readonly statusCode: number,
    /** Stable code, e.g. `not-found`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 404: the thing does not exist, or belongs to a property the caller cannot see. */
export class NotFoundError extends HttpError {
  constructor(what: string, id: string) {
    super(404, 'not-found', `${what} '${id}' was not found`);
  }
}

/** 409: the request conflicts with the current state. */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** 400: the input is wrong in a way route schemas cannot express. */
export class BadRequestError extends HttpError {
  constructor(message: string) {
    super(400, 'bad-request', message);
  }
}

/** 403: authenticated, but this credential may not do that. */
export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** 401: no credential, or an unknown one. */
export class UnauthorizedError extends HttpError {
  constructor(message = 'missing or invalid credentials: send Authorization: Bearer <token>') {
    super(401, 'unauthorized', message);
  }
}

/** 401: a signed-in customer's identity token was refused (forged, expired, for another agent…). */
export class IdentityRefusedError extends HttpError {
  constructor(message: string) {
    super(401, 'identity-refused', message);
  }
}

/** 409: the conversation acts for another signed-in customer; a new conversation is needed. */
export class IdentityMismatchError extends HttpError {
  constructor() {
    super(
      409,
      'identity-mismatch',
      'this conversation belongs to another signed-in customer: start a new conversation',
    );
  }
}

/** 422: understood, but cannot be processed (a schema that cannot be imported). */
export class UnprocessableError extends HttpError {
  constructor(
    message: string,
    /** Where in the input the problem is (JSON pointer, line). */
    readonly where?: unknown,
  ) {
    super(422, 'unprocessable', message);
  }
}

/** 503: the conversation is still busy with an earlier message; send again later. */
export class BusyError extends HttpError {
  constructor(message: string) {
    super(503, 'busy', message);
  }
}

/** 499 (as nginx logs it): the client closed the connection before the answer; nothing is sent. */
export class ClientClosedError extends HttpError {
  constructor() {
    super(499, 'client-closed', 'the client closed the connection');
  }
}

/** 429: too many requests from this address or visitor in the current window. */
export class TooManyRequestsError extends HttpError {
  constructor(
    message: string,
    /** Seconds until the window ends (sent as Retry-After). */
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate-limited', message);
  }
}
