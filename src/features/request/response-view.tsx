import type { ProxyResult } from '../../lib/api-client';

type Props = { result: ProxyResult };

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  460: 'Service Expired',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function tone(status: number): string {
  if (status < 300) return 'ok';
  if (status < 500) return 'client-error';
  return 'server-error';
}

/** What a user most needs to know about a failure, in one sentence. */
function hint(result: ProxyResult): string | undefined {
  const body = result.json as { message?: string } | undefined;
  if (result.fromProxy)
    return `The explorer did not get an answer from OVHcloud: ${body?.message ?? result.text}`;
  switch (result.status) {
    case 401:
      return result.headers['x-explorer-auth'] === 'none'
        ? 'This call needs a signed-in service account for this region: sign in, then send again.'
        : 'OVHcloud did not accept the token. Sign in again.';
    case 429: {
      const wait = result.headers['retry-after'];
      return `OVHcloud is rate-limiting these calls${wait ? `: wait ${wait} s before sending again` : ''}.`;
    }
    case 460:
      return 'The service has expired: renew it before calling it.';
    default:
      return undefined;
  }
}

export function ResponseView({ result }: Props) {
  const pretty = result.json !== undefined ? JSON.stringify(result.json, null, 2) : result.text;
  const note = hint(result);
  const headers = Object.entries(result.headers);
  return (
    <section className="response" aria-labelledby="response-title">
      <h3 id="response-title" className="section-title">
        Response
      </h3>
      <p className="response__status">
        <span className={`status-code status-code--${tone(result.status)}`} data-testid="response-status">
          {result.status} {result.statusText || REASONS[result.status] || ''}
        </span>
        <span className="muted">{result.durationMs} ms</span>
        {result.headers['x-ovh-queryid'] && (
          <span className="muted mono" title="OVHcloud request id, for support">
            {result.headers['x-ovh-queryid']}
          </span>
        )}
      </p>
      {note && (
        <p
          className={`alert ${result.status >= 500 || result.fromProxy ? 'alert--error' : 'alert--warning'}`}
        >
          {note}
        </p>
      )}
      {headers.length > 0 && (
        <details className="response__headers">
          <summary>Headers ({headers.length})</summary>
          <dl className="facts">
            {headers.map(([name, value]) => (
              <div key={name} className="facts__row">
                <dt className="mono">{name}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {pretty ? (
        <pre className="code" aria-label="Response body" tabIndex={0}>
          {pretty}
        </pre>
      ) : (
        <p className="muted">Empty body.</p>
      )}
    </section>
  );
}
