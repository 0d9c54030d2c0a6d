import { useId, useState, type FormEvent } from 'react';
import type { DemoAccount } from './queries';
import { useSignIn } from './use-session-actions';
import { ApiError } from '../../lib/api-client';
import { CredentialFields } from '../../components/credential-fields';

type Props = {
  region: string;
  regionLabel: string;
  demoAccounts: DemoAccount[];
};

function explain(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.code === 'invalid_client') {
    return `OVHcloud refused these credentials (“${error.message}”). Check the client ID and secret, and the region: a service account exists in one region only.`;
  }
  return error.message;
}

export function SignInForm({ region, regionLabel, demoAccounts }: Props) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const signIn = useSignIn();
  const errorId = useId();
  const [guide, ...others] = demoAccounts;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(
      { region, clientId: clientId.trim(), clientSecret },
      // The secret is not kept in the page once the server holds it.
      { onSuccess: () => setClientSecret('') },
    );
  }

  function fillWith(account: DemoAccount) {
    setClientId(account.clientId);
    setClientSecret(account.clientSecret);
    signIn.reset();
  }

  return (
    <form className="card sign-in" onSubmit={submit} aria-labelledby={`${errorId}-title`} noValidate>
      <h2 id={`${errorId}-title`} className="card__title">
        Sign in to {regionLabel}
      </h2>
      <p className="card__hint">
        With a service account (OAuth2 client credentials). The secret stays on the explorer’s server.
      </p>
      <CredentialFields
        clientId={clientId}
        onClientIdChange={setClientId}
        clientSecret={clientSecret}
        onClientSecretChange={setClientSecret}
        errorId={signIn.isError ? errorId : undefined}
      />
      {signIn.isError && (
        <p id={errorId} className="alert alert--error" role="alert">
          {explain(signIn.error)}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={signIn.isPending || !clientId.trim() || !clientSecret}
        >
          {signIn.isPending ? 'Connecting…' : 'Connect'}
        </button>
        {guide && (
          <button type="button" className="button" onClick={() => fillWith(guide)} title={guide.description}>
            Use demo account
          </button>
        )}
      </div>
      {others.length > 0 && (
        <details className="demo-accounts">
          <summary>Other demo accounts</summary>
          <ul>
            {others.map((account) => (
              <li key={account.clientId}>
                <button type="button" className="link-button" onClick={() => fillWith(account)}>
                  {account.label}
                </button>
                <span className="muted"> — {account.description}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
