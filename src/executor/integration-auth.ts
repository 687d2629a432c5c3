// The credentials of one integration, as the caller hands them over decrypted at call time.

/**
 * How requests to an integration's API are authenticated. The executor adds these at send time,
 * redacts them from every log entry and result, and never stores them.
 */
export type IntegrationAuth =
  | {
      /** No credentials. */
      type: 'none';
    }
  | {
      /** An API key sent in a header or a query parameter. */
      type: 'apiKey';
      /** Where the key goes. */
      in: 'header' | 'query';
      /** The header or query parameter name, e.g. `X-Api-Key` or `api_key`. */
      name: string;
      /** The key itself. */
      value: string;
    }
  | {
      /** `Authorization: Bearer <token>`. */
      type: 'bearer';
      /** The token. */
      token: string;
    }
  | {
      /** `Authorization: Basic <base64(username:password)>`. */
      type: 'basic';
      /** The user name. */
      username: string;
      /** The password. */
      password: string;
    };

/** The `Authorization` header value for basic auth (RFC 7617, UTF-8). */
export function encodeBasicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
