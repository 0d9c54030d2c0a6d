import { formatRemaining, useNow } from './use-now';
import type { SessionView } from './queries';
import { useForgetHelper, useSignOut } from './use-session-actions';
import { CopyButton } from '../../components/copy-button';

type Props = { session: SessionView; regionLabel: string };

const METHODS: Record<string, string> = {
  oauth2_client_credentials: 'Service account (OAuth2 client credentials)',
  account: 'Account owner',
  user: 'Local user',
  provider: 'Identity provider',
};

export function SessionSummary({ session, regionLabel }: Props) {
  const signOut = useSignOut();
  const forgetHelper = useForgetHelper();
  const now = useNow();
  const remaining = Date.parse(session.expiresAt) - now;
  const [identity] = session.identity.urns;

  return (
    <section className="card session" aria-label="Signed-in identity">
      <div className="session__head">
        <h2 className="card__title">Signed in</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          Disconnect
        </button>
      </div>
      <dl className="facts">
        <dt>Identity</dt>
        <dd className="facts__urn">
          <code className="mono">{identity ?? '—'}</code>
          {identity && <CopyButton text={identity} label="Copy identity URN" />}
        </dd>
        <dt>Account</dt>
        <dd className="mono">{session.identity.account}</dd>
        <dt>Method</dt>
        <dd>{METHODS[session.identity.method] ?? session.identity.method}</dd>
        <dt>Region</dt>
        <dd>{regionLabel}</dd>
        <dt>Token</dt>
        <dd>
          <span title={`Valid until ${new Date(session.expiresAt).toLocaleString()}; renewed automatically`}>
            {remaining > 0
              ? `expires in ${formatRemaining(remaining)}`
              : 'expired — renewed on the next call'}
          </span>
        </dd>
        {session.helper && (
          <>
            <dt>Helper</dt>
            <dd className="facts__urn">
              <span>
                <code className="mono">{session.helper.identity.urns[0] ?? session.helper.clientId}</code>
                <span className="muted"> reads and writes policies for the 403 explanations</span>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => forgetHelper.mutate()}
                disabled={forgetHelper.isPending}
              >
                Forget
              </button>
            </dd>
          </>
        )}
      </dl>
      {signOut.isError && (
        <p className="alert alert--error" role="alert">
          Could not disconnect: {signOut.error.message}
        </p>
      )}
    </section>
  );
}
