import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { bodyTemplate } from '../../domain/catalog/body-template';
import { fillPath, pathParameterNames } from '../../domain/catalog/path-template';
import { BRANCH_PREFIX, type Model, type Operation, type Parameter } from '../../domain/catalog/types';
import { actionResourceType, parameterForResourceType } from '../../domain/iam/resource';
import { curlFor } from '../../domain/snippets/curl';
import { CopyButton } from '../../components/copy-button';
import { JsonEditor } from '../../components/json-editor';
import { MethodBadge } from '../../components/method-badge';
import { ModelTree } from '../../components/model-tree';
import { ResponseView } from './response-view';
import { StatusNote } from './status-note';
import { useSend, type PreparedCall, type SentCall } from './use-send';

type Props = {
  operation: Operation;
  /** the models of the operation's section (for enums, the body template and the model trees) */
  models: Readonly<Record<string, Model>>;
  region: string;
  /** the region's API root, for the curl snippet */
  apiBase: string | undefined;
  /** values typed earlier for parameters of the same name (serviceName…), to save retyping */
  remembered: Readonly<Record<string, string>>;
  onRemember: (name: string, value: string) => void;
  onSent?: () => void;
  /** what to show under the response, e.g. the explanation of a 403; `resend` runs the same call again */
  renderResult?: (sent: SentCall, controls: { resend: () => void }) => ReactNode;
  /** link to the operation that replaces a deprecated one, when the catalogue has it */
  replacementHref?: string;
  /** extra controls under the IAM actions (e.g. "Check my access") */
  iamExtras?: (values: { pathParams: string[]; values: Record<string, string> }) => ReactNode;
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
  replacementHref,
  iamExtras,
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
  const bodyType = operation.parameters.find((p) => p.in === 'body' && p.name === '')?.dataType;
  const optionalActions = operation.iamActions.filter((a) => !a.required);

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

  const pathValues = Object.fromEntries(pathParams.map((p) => [p.name, (values[key(p)] ?? '').trim()]));
  const allValues = Object.fromEntries(
    [...pathParams, ...queryParams, ...headerParams].map((p) => [p.name, values[key(p)] ?? '']),
  );

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
    const sentValues = { ...allValues };
    if (sentBody) {
      const parsed: unknown = JSON.parse(sentBody);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [name, value] of Object.entries(parsed))
          if (typeof value === 'string') sentValues[name] ??= value;
      }
    }
    return {
      method: operation.method,
      url: `/api/ovh/${region}/${BRANCH_PREFIX[operation.branch]}${fillPath(operation.path, pathValues)}${search}`,
      body: sentBody,
      headers,
      pathParams: pathParams.map((p) => pathValues[p.name] ?? ''),
      values: sentValues,
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const call = prepare();
    if (call) send.mutate(call);
  }

  const curl = apiBase
    ? curlFor({
        method: operation.method,
        url: `${apiBase}/${BRANCH_PREFIX[operation.branch]}${fillPath(operation.path, pathValues)}`,
        body: template !== undefined ? body : undefined,
      })
    : undefined;

  const field = (p: Parameter) => {
    const id = `${titleId}-${key(p)}`;
    const problem = problems[key(p)];
    const enumValues = models[p.fullType ?? p.dataType]?.enum;
    const common = {
      id,
      value: values[key(p)] ?? '',
      required: p.required,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': `${id}-hint`,
    } as const;
    return (
      <div className="field" key={key(p)}>
        <label htmlFor={id} className="field__label mono">
          {p.name}
          {p.required && (
            <span className="required" aria-hidden="true">
              {' *'}
            </span>
          )}
        </label>
        {enumValues && p.in !== 'path' ? (
          <select {...common} className="select mono" onChange={(event) => setValue(p, event.target.value)}>
            <option value="">{p.required ? 'Choose…' : '(not set)'}</option>
            {enumValues.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            className="input mono"
            onChange={(event) => setValue(p, event.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        )}
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
        <p className="operation__description">{operation.description}</p>
        {operation.longDescription && <p className="muted">{operation.longDescription}</p>}
        <StatusNote status={operation.status} replacementHref={replacementHref} />
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
            {operation.iamActions.map((action) => {
              const note = otherResourceNote(operation, action.name);
              return (
                <li key={action.name}>
                  <code className="mono action-name">{action.name}</code>
                  <span className={`tag ${action.required ? 'tag--required' : 'tag--optional'}`}>
                    {action.required ? 'required' : 'optional'}
                  </span>
                  {action.description && <span className="muted"> {action.description}</span>}
                  {note && <span className="note"> {note}</span>}
                  {!action.required && (
                    <span className="muted">
                      {' '}
                      Missing it hides items from the answer; it never causes a 403.
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {iamExtras?.({ pathParams: pathParams.map((p) => pathValues[p.name] ?? ''), values: allValues })}
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
            {bodyType && (
              <details className="model-details">
                <summary>Body model</summary>
                <ModelTree type={bodyType} models={models} />
              </details>
            )}
          </div>
        )}
        {models[operation.responseType.replace(/\[\]$/, '')]?.properties ? (
          <details className="model-details">
            <summary>
              Answers <code className="mono">{operation.responseType}</code>
            </summary>
            <ModelTree type={operation.responseType} models={models} />
          </details>
        ) : (
          <p className="response-type muted">
            Answers <code className="mono">{operation.responseType}</code>
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
          {curl && (
            <CopyButton text={curl} label="Copy as curl">
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
          {send.data.result.status < 300 && optionalActions.length > 0 && (
            <p className="alert alert--info">
              This answer may leave items out: each item also needs{' '}
              {optionalActions.map((a) => a.name).join(', ')} on it, and the items the caller lacks it for are
              hidden, not refused.
            </p>
          )}
          {renderResult?.(send.data, { resend: () => send.data && send.mutate(send.data.call) })}
        </>
      )}
    </article>
  );
}

/**
 * Multi-action operations apply some actions to another resource than the path's (OVH.md): say which, so
 * that a policy names the right resource.
 */
function otherResourceNote(operation: Operation, action: string): string | undefined {
  const primary = operation.iamActions.find((a) => a.required);
  const type = actionResourceType(action);
  if (!primary || type === 'account' || type === actionResourceType(primary.name)) return undefined;
  const parameter = parameterForResourceType(
    type,
    operation.parameters.map((p) => p.name),
  );
  return parameter
    ? `Applies to the ${type} named by “${parameter}”, not to the path’s resource.`
    : `Applies to a ${type} resource, not to the path’s resource.`;
}
