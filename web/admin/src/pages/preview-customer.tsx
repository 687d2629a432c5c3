// Who the preview chats as: an anonymous visitor, or a signed-in customer whose claims the admin
// types in, so identity-bound operations can be tried before going live.
import { useId } from 'react';
import { Field, TextField } from '../components/field';

/** The customer the preview acts as, as typed; `signedIn` false: an anonymous visitor. */
export interface PreviewCustomer {
  signedIn: boolean;
  sub: string;
  email: string;
  name: string;
  /** Custom claims as a JSON object. */
  claims: string;
}

/** An anonymous visitor. */
export const ANONYMOUS: PreviewCustomer = { signedIn: false, sub: '', email: '', name: '', claims: '' };

/** The `identity` of a preview conversation, or undefined for a visitor; throws for claims that are not JSON. */
export function toIdentityBody(customer: PreviewCustomer): Record<string, unknown> | undefined {
  if (!customer.signedIn) return undefined;
  if (!customer.sub.trim()) throw new Error('Give the customer id (sub) to chat as a signed-in customer.');
  let claims: unknown = {};
  if (customer.claims.trim()) {
    try {
      claims = JSON.parse(customer.claims);
    } catch {
      throw new Error('Custom claims must be a JSON object, e.g. {"tier": "gold"}.');
    }
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
      throw new Error('Custom claims must be a JSON object, e.g. {"tier": "gold"}.');
  }
  return {
    sub: customer.sub.trim(),
    ...(customer.email.trim() ? { email: customer.email.trim() } : {}),
    ...(customer.name.trim() ? { name: customer.name.trim() } : {}),
    claims,
  };
}

/** "an anonymous visitor", "customer 1001 (alex@example.com)". */
export function describeCustomer(customer: PreviewCustomer): string {
  if (!customer.signedIn) return 'an anonymous visitor';
  const detail = customer.email.trim() || customer.name.trim();
  return `customer ${customer.sub.trim()}${detail ? ` (${detail})` : ''}`;
}

/** The "Chat as" fields; a change starts a new conversation. */
export function PreviewCustomerFields({
  customer,
  onChange,
  disabled,
}: {
  customer: PreviewCustomer;
  onChange: (customer: PreviewCustomer) => void;
  disabled?: boolean;
}) {
  const name = useId();
  const set = (patch: Partial<PreviewCustomer>) => onChange({ ...customer, ...patch });
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Chat as</legend>
      <div className="radio-row">
        <label>
          <input
            type="radio"
            name={name}
            checked={!customer.signedIn}
            onChange={() => set({ signedIn: false })}
          />{' '}
          An anonymous visitor
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={customer.signedIn}
            onChange={() => set({ signedIn: true })}
          />{' '}
          A signed-in customer
        </label>
      </div>
      {customer.signedIn && (
        <>
          <div className="grid-3">
            <TextField
              label="Customer id (sub)"
              required
              value={customer.sub}
              onChange={(sub) => set({ sub })}
            />
            <TextField
              label="Email"
              type="email"
              value={customer.email}
              onChange={(email) => set({ email })}
            />
            <TextField label="Name" value={customer.name} onChange={(value) => set({ name: value })} />
          </div>
          <Field label="Custom claims (JSON)" hint='Optional, e.g. {"tier": "gold"}.'>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={customer.claims}
                onChange={(event) => set({ claims: event.target.value })}
              />
            )}
          </Field>
        </>
      )}
      <p className="muted small">
        The preview acts as if this customer's identity token had been verified; changing it starts a new
        conversation.
      </p>
    </fieldset>
  );
}
