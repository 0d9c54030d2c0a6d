import { useId, useState, type FormEvent } from 'react';
import type { Operation } from '../../domain/catalog/types';
import { parseForbidden } from '../../domain/errors/ovh-error';
import { parseRequestLine, type RequestLine } from '../../domain/errors/request-line';
import { parseUrn } from '../../domain/urn/urn';
import { ForbiddenPanel } from './forbidden-panel';

export type ResolvedCall =
  | { status: 'loading' }
  | { status: 'unknown' }
  | { status: 'found'; operation: Operation; params: Record<string, string>; pathParams: string[] };

type Props = {
  region: string;
  apiBase: string | undefined;
  /** finds the operation a request line calls, in the region's catalogue */
  resolve: (line: RequestLine) => ResolvedCall;
};

const EXAMPLE = JSON.stringify(
  {
    class: 'Client::Forbidden',
    message: 'User not granted for this request',
    details: { unauthorizedActionsByAuthentication: '', unauthorizedActionsByIAM: 'vps:apiovh:reboot' },
  },
  null,
  2,
);

type Submitted = { body: unknown; line?: RequestLine; identity?: string };

/**
 * For support staff: paste a 403 as a customer sent it (the body, and optionally the request line and the
 * identity), and read the same explanation as after a call, without any session.
 */
export function DiagnosePage({ region, apiBase, resolve }: Props) {
  const id = useId();
  const [body, setBody] = useState('');
  const [request, setRequest] = useState('');
  const [identity, setIdentity] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState<Submitted>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
      if (!parseForbidden(parsed))
        found.body =
          'This is not an OVHcloud 403 body: it has no "class": "Client::Forbidden" nor unauthorizedActions details.';
    } catch (error) {
      found.body = body.trim()
        ? `The response body is not JSON: ${(error as Error).message}`
        : 'Paste the body of the 403 answer.';
    }
    const line = request.trim() ? parseRequestLine(request) : undefined;
    if (request.trim() && !line)
      found.request = 'Write it as METHOD PATH, e.g. POST /1.0/vps/vps-5b48d78b.vps.ovh.net/reboot';
    const urn = identity.trim();
    if (urn && parseUrn(urn)?.kind !== 'identity')
      found.identity =
        'An identity URN looks like urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f';
    setProblems(found);
    if (Object.keys(found).length === 0)
      setSubmitted({ body: parsed, ...(line ? { line } : {}), ...(urn ? { identity: urn } : {}) });
  }

  const hint = (field: string, text: string) => (
    <span id={`${id}-${field}-hint`} className={problems[field] ? 'field__error' : 'field__hint'}>
      {problems[field] ?? text}
    </span>
  );

  return (
    <div className="page-stack">
      <form className="card page" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <p className="eyebrow">Diagnose</p>
        <h2 id={`${id}-title`} className="page__title">
          Explain a 403
        </h2>
        <p className="muted">
          Paste what a customer sent: the answer's body, and if you have them, the request and the identity.
          Nothing is sent anywhere.
        </p>
        <label className="field">
          <span className="field__label">Response body</span>
          <textarea
            className="input mono"
            rows={8}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={EXAMPLE}
            spellCheck={false}
            aria-invalid={problems.body ? true : undefined}
            aria-describedby={`${id}-body-hint`}
          />
          {hint('body', 'The JSON body of the 403, as OVHcloud answered it.')}
        </label>
        <label className="field">
          <span className="field__label">Request</span>
          <input
            className="input mono"
            value={request}
            onChange={(e) => setRequest(e.target.value)}
            placeholder="POST /1.0/vps/vps-5b48d78b.vps.ovh.net/reboot"
            spellCheck={false}
            aria-invalid={problems.request ? true : undefined}
            aria-describedby={`${id}-request-hint`}
          />
          {hint(
            'request',
            'Optional: the method and path (or URL). It names the operation and the resource.',
          )}
        </label>
        <label className="field">
          <span className="field__label">Identity URN</span>
          <input
            className="input mono"
            value={identity}
            onChange={(e) => setIdentity(e.target.value)}
            placeholder="urn:v1:eu:identity:credential:xx11111-ovh/oauth2-0f0f0f0f0f0f0f0f"
            spellCheck={false}
            aria-invalid={problems.identity ? true : undefined}
            aria-describedby={`${id}-identity-hint`}
          />
          {hint(
            'identity',
            'Optional: who was refused (GET /auth/details gives it). The policy to propose names it.',
          )}
        </label>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Explain
          </button>
        </div>
      </form>
      {submitted && <Explanation submitted={submitted} region={region} apiBase={apiBase} resolve={resolve} />}
    </div>
  );
}

function Explanation({ submitted, region, apiBase, resolve }: { submitted: Submitted } & Props) {
  const call = submitted.line ? resolve(submitted.line) : undefined;
  if (call?.status === 'loading')
    return <p className="muted">Loading the catalogue to find the operation…</p>;
  const parsedIdentity = submitted.identity ? parseUrn(submitted.identity) : undefined;
  const account = parsedIdentity?.kind === 'identity' ? parsedIdentity.account : undefined;
  const plate = parsedIdentity?.plate ?? submitted.line?.plate ?? 'eu';
  return (
    <>
      {submitted.line && call?.status === 'unknown' && (
        <p className="alert alert--warning">
          {submitted.line.method} {submitted.line.path} is not an operation of this region's{' '}
          {submitted.line.branch} catalogue: the explanation goes by the body alone.
        </p>
      )}
      <ForbiddenPanel
        key={JSON.stringify(submitted)}
        body={submitted.body}
        {...(call?.status === 'found' ? { operation: call.operation } : {})}
        pathParams={call?.status === 'found' ? call.pathParams : []}
        values={call?.status === 'found' ? call.params : {}}
        caller={account && submitted.identity ? { account, urns: [submitted.identity] } : undefined}
        plate={plate}
        apiBase={apiBase}
        region={region}
        offline
      />
    </>
  );
}
