// Sign in with the admin token (from CONCIERGE_ADMIN_TOKEN, or printed once at the first start).
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, callApi } from '../api/client';
import { saveToken } from '../api/session';
import { TextField } from '../components/field';

/** The sign-in form. */
export function SignInPage() {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Concierge';
  }, []);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Enter the admin token.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await callApi('GET', '/properties', undefined, value);
      saveToken(value);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? 'The server did not accept this token. Check it and try again.'
          : `Could not reach the server: ${(caught as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in" id="main">
      <form className="card sign-in-card" onSubmit={signIn} noValidate>
        <h1>Concierge</h1>
        <p className="lead">Sign in to set up your AI support agent.</p>
        <TextField
          label="Admin token"
          hint="Set as CONCIERGE_ADMIN_TOKEN, or printed once when the server first started."
          error={error || undefined}
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={setToken}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
