import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { bodyTemplate } from '../../domain/catalog/body-template';
import { fillPath, pathParameterNames } from '../../domain/catalog/path-template';
import { BRANCH_PREFIX, type Model, type Operation, type Parameter } from '../../domain/catalog/types';
import { curlFor } from '../../domain/snippets/curl';
import { CopyButton } from '../../components/copy-button';
import { JsonEditor } from '../../components/json-editor';
import { MethodBadge } from '../../components/method-badge';
import { ResponseView } from './response-view';
import { useSend, type PreparedCall, type SentCall } from './use-send';

type Props = {
  operation: Operation;
  models: Readonly<Record<string, Model>>;
  region: string;
  /** the region's API root, for the curl snippet */
  apiBase: string | undefined;
  /** values typed earlier for parameters of the same name (serviceName…), to save retyping */
  remembered: Readonly<Record<string, string>>;
  onRemember: (name: string, value: string) => void;
  onSent?: () => void;
  /** what to show under the response, e.g. the explanation of a 403 */
  renderResult?: (sent: SentCall) => ReactNode;
};

/** Requests larger than the proxy accepts are refused here, before anything is sent. */
const MAX_BODY_BYTES = 1024 * 1024;

const key = (p: Parameter) => `${p.in}:${p.name}`;

export function OperationPanel({
  operation,
  models,
  region,
  apiBase,
  remembered,
  onRemember,
  onSent,
  renderResult,
}: Props) {
  const titleId = useId();
  const byLocation = (location: Parameter['in']) =>
    operation.parameters.filter((p) => p.in === location && p.name);
  const pathParams = pathParameterNames(operation.path).map(
    (name) =>
      byLocation('path').find((p) => p.name === name) ?? {
        name,
        in: 'path' as const,
        dataType: 'string',
        required: true,
      },
  );
  const queryParams = byLocation('query');
  const headerParams = byLocation('header');
  const template = bodyTemplate(operation, models);

  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(pathParams.map((p) => [key(p), remembered[p.name] ?? ''])),
  );
  const [body, setBody] = useState(template ?? '');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const send = useSend(onSent);

  // Opening an operation moves focus (and, on narrow screens, the view) to it, as a page change would.
  useEffect(() => {
    title.current?.focus();
  }, []);

  const setValue = (p: Parameter, value: string) => {
    setValues((current) => ({ ...current, [key(p)]: value }));
    if (p.in === 'path') onRemember(p.name, value);
  };

  function prepare(): PreparedCall | undefined {
    const found: Record<string, string> = {};
    for (const p of [...pathParams, ...queryParams, ...headerParams]) {
      if (p.required && !(values[key(p)] ?? '').trim()) found[key(p)] = `${p.name} is required`;
    }
    let sentBody: string | undefined;
    if (template !== undefined && body.trim() !== '') {
      if (new TextEncoder().encode(body).length > MAX_BODY_BYTES) {
        found.body = 'The body is larger than 1 MiB, which the explorer does not send.';
      } else {
        try {
          sentBody = JSON.stringify(JSON.parse(body));
        } catch (error) {
          found.body = `The body is not valid JSON: ${(error as Error).message}`;
        }
      }
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // Take the user to the first field to fix.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return undefined;
    }
    const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, (values[key(p)] ?? '').trim()]));
    const query = new URLSearchParams();
    for (const p of queryParams) {
      const value = values[key(p)]?.trim();
      if (value) query.set(p.name, value);
    }
    const headers: Record<string, string> = {};
    for (const p of headerParams) {
      const value = values[key(p)]?.trim();
      if (value) headers[p.name] = value;
    }
    const search = query.size > 0 ? `?${query}` : '';
    const allValues = Object.fromEntries(
      [...pathParams, ...queryParams, ...headerParams].map((p) => [p.name, values[key(p)] ?? '']),
    );
    if (sentBody) {
      const parsed: unknown = JSON.parse(sentBody);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [name, value] of Object.entries(parsed))
          if (typeof value === 'string') allValues[name] ??= value;
      }
    }
    return {
      method: operation.method,
      url: `/api/ovh/${region}/${BRANCH_PREFIX[operation.branch]}${fillPath(operation.path, pathValues)}${search}`,
      body: sentBody,
      headers,
      pathParams: pathParams.map((p) => pathValues[p.name] ?? ''),
      values: allValues,
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const call = prepare();
    if (call) send.mutate(call);
  }

  const preview = snippet();
  function snippet(): string | undefined {
    if (!apiBase) return undefined;
    const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, (values[key(p)] ?? '').trim()]));
    return curlFor({
      method: operation.method,
      url: `${apiBase}/${BRANCH_PREFIX[operation.branch]}${fillPath(operation.path, pathValues)}`,
      body: template !== undefined ? body : undefined,
    });
  }

  const field = (p: Parameter) => {
    const id = `${titleId}-${key(p)}`;
    const problem = problems[key(p)];
    return (
      <div className="field" key={key(p)}>
        <label htmlFor={id} className="field__label mono">
          {p.name}
          {p.required && (
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </label>
        <input
          id={id}
          className="input mono"
          value={values[key(p)] ?? ''}
          onChange={(event) => setValue(p, event.target.value)}
          required={p.required}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint`}
          spellCheck={false}
          autoComplete="off"
        />
        <span id={`${id}-hint`} className={problem ? 'field__error' : 'field__hint'}>
          {problem ?? [p.fullType ?? p.dataType, p.description].filter(Boolean).join(' — ')}
        </span>
      </div>
    );
  };

  return (
    <article className="operation" aria-labelledby={titleId}>
      <header className="operation__header">
        <h2 id={titleId} ref={title} tabIndex={-1} className="operation__title">
          <MethodBadge method={operation.method} />
          <span className="mono">{operation.path}</span>
        </h2>
        <p className="operation__description">
          {operation.description}
          {operation.status.value !== 'PRODUCTION' && (
            <span
              className={`status status--${operation.status.value.toLowerCase()}`}
              title={operation.status.description}
            >
              {operation.status.value}
            </span>
          )}
        </p>
      </header>

      <section aria-labelledby={`${titleId}-iam`}>
        <h3 id={`${titleId}-iam`} className="section-title">
          IAM actions
        </h3>
        {operation.iamActions.length === 0 ? (
          <p className="muted">
            No IAM action needed{operation.noAuthentication ? ', and no authentication either' : ''}.
          </p>
        ) : (
          <ul className="actions-list">
            {operation.iamActions.map((action) => (
              <li key={action.name}>
                <code className="mono action-name">{action.name}</code>
                <span className={`tag ${action.required ? 'tag--required' : 'tag--optional'}`}>
                  {action.required ? 'required' : 'optional'}
                </span>
                {action.description && <span className="muted"> {action.description}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <form
        ref={form}
        className="request"
        onSubmit={submit}
        noValidate
        aria-labelledby={`${titleId}-request`}
      >
        <h3 id={`${titleId}-request`} className="section-title">
          Request
        </h3>
        {pathParams.length + queryParams.length + headerParams.length === 0 && template === undefined && (
          <p className="muted">This call takes no parameters.</p>
        )}
        {pathParams.length > 0 && (
          <fieldset className="params">
            <legend>Path</legend>
            {pathParams.map(field)}
          </fieldset>
        )}
        {queryParams.length > 0 && (
          <fieldset className="params">
            <legend>Query</legend>
            {queryParams.map(field)}
          </fieldset>
        )}
        {headerParams.length > 0 && (
          <fieldset className="params">
            <legend>Headers</legend>
            {headerParams.map(field)}
          </fieldset>
        )}
        {template !== undefined && (
          <div className="field">
            <span className="field__label" id={`${titleId}-body`}>
              Body <span className="muted">(JSON)</span>
            </span>
            <JsonEditor
              value={body}
              onChange={setBody}
              label="Request body"
              invalid={Boolean(problems.body)}
              describedBy={`${titleId}-body-hint`}
            />
            <span id={`${titleId}-body-hint`} className={problems.body ? 'field__error' : 'field__hint'}>
              {problems.body ?? 'Prefilled from the schema’s model; edit before sending.'}
            </span>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
          {preview && (
            <CopyButton text={preview} label="Copy as curl">
              Copy as curl
            </CopyButton>
          )}
        </div>
      </form>

      {send.isError && (
        <p className="alert alert--error" role="alert">
          {send.error.message}
        </p>
      )}
      {send.data && (
        <>
          <ResponseView result={send.data.result} />
          {renderResult?.(send.data)}
        </>
      )}
    </article>
  );
}
