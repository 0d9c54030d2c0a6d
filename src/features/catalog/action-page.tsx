import { useMemo } from 'react';
import { expandPattern, operationsGrantedBy } from '../../domain/catalog/actions';
import type { Operation } from '../../domain/catalog/types';
import { isWildcard, matchesPattern } from '../../domain/iam/pattern';
import { actionResourceType } from '../../domain/iam/resource';
import { MethodBadge } from '../../components/method-badge';
import { useActionIndex, type CatalogView } from './use-catalog';

export type CatalogLinks = {
  operation: (operation: Operation) => string;
  action: (name: string) => string;
  resourceType: (type: string) => string;
  section: (path: string) => string;
  /** follows a link inside the app without reloading */
  go: (href: string) => void;
};

type Props = { catalog: CatalogView; pattern: string; links: CatalogLinks };

function AppLink({
  href,
  go,
  children,
  className,
}: {
  href: string;
  go: (href: string) => void;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        go(href);
      }}
    >
      {children}
    </a>
  );
}

function OperationList({
  indexes,
  catalog,
  links,
  required,
}: {
  indexes: number[];
  catalog: CatalogView;
  links: CatalogLinks;
  required?: (index: number) => boolean | undefined;
}) {
  return (
    <ul className="plain-list op-list">
      {indexes.map((index) => {
        const operation = catalog.operations[index];
        if (!operation) return null;
        const isRequired = required?.(index);
        return (
          <li key={operation.id}>
            <AppLink href={links.operation(operation)} go={links.go} className="op-list__link">
              <MethodBadge method={operation.method} /> <span className="mono">{operation.path}</span>
            </AppLink>
            {isRequired !== undefined && (
              <span className={`tag ${isRequired ? 'tag--required' : 'tag--optional'}`}>
                {isRequired ? 'required' : 'optional'}
              </span>
            )}
            {operation.status.value !== 'PRODUCTION' && (
              <span className={`status status--${operation.status.value.toLowerCase()}`}>
                {operation.status.value}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An IAM action as a page: every operation that needs it. A wildcard (`webHosting:*`) expands to the actions
 * it grants and to the operations they let one call: what a least-privilege policy is written from.
 */
export function ActionPage({ catalog, pattern, links }: Props) {
  const index = useActionIndex(catalog);
  const wildcard = isWildcard(pattern);
  const exact = index.byName.get(pattern);
  const granted = useMemo(() => (wildcard ? expandPattern(index, pattern) : []), [index, pattern, wildcard]);
  const reach = useMemo(
    () =>
      wildcard
        ? operationsGrantedBy(catalog.operations, (action) => matchesPattern(pattern, action))
        : undefined,
    [catalog.operations, pattern, wildcard],
  );

  if (!catalog.ready)
    return (
      <div className="card" aria-busy="true">
        <p className="muted">Loading the catalogue…</p>
      </div>
    );

  if (!wildcard && !exact) {
    const similar = index.actions
      .filter((a) => a.name.toLowerCase().includes(pattern.toLowerCase().split(':').pop() ?? ''))
      .slice(0, 8);
    return (
      <article className="card" aria-labelledby="action-title">
        <h2 id="action-title" className="card__title">
          No operation needs <code className="mono">{pattern}</code>
        </h2>
        <p className="muted">
          No operation of this catalogue lists this action. Action names are case-sensitive.
        </p>
        {similar.length > 0 && (
          <>
            <h3 className="section-title">Similar actions</h3>
            <ul className="plain-list">
              {similar.map((a) => (
                <li key={a.name}>
                  <AppLink href={links.action(a.name)} go={links.go} className="mono">
                    {a.name}
                  </AppLink>
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
    );
  }

  const type = actionResourceType(pattern);
  return (
    <article className="card page" aria-labelledby="action-title">
      <p className="eyebrow">{wildcard ? 'IAM action pattern' : 'IAM action'}</p>
      <h2 id="action-title" className="page__title mono">
        {pattern}
      </h2>
      {!type.includes('*') && (
        <p>
          Resource type:{' '}
          <AppLink href={links.resourceType(type)} go={links.go} className="mono">
            {type}
          </AppLink>
        </p>
      )}
      {exact?.description && <p className="muted">{exact.description}</p>}

      {exact && (
        <section aria-labelledby="action-ops">
          <h3 id="action-ops" className="section-title">
            {exact.operations.length === 1
              ? '1 operation needs it'
              : `${exact.operations.length} operations need it`}
          </h3>
          <OperationList
            indexes={exact.operations.map((use) => use.index)}
            catalog={catalog}
            links={links}
            required={(i) => exact.operations.find((use) => use.index === i)?.required}
          />
        </section>
      )}

      {wildcard && reach && (
        <>
          <section aria-labelledby="pattern-actions">
            <h3 id="pattern-actions" className="section-title">
              It grants {granted.length === 1 ? '1 action' : `${granted.length} actions`}
            </h3>
            <ul className="plain-list columns">
              {granted.map((a) => (
                <li key={a.name}>
                  <AppLink href={links.action(a.name)} go={links.go} className="mono">
                    {a.name}
                  </AppLink>{' '}
                  <span className="muted">({a.operations.length})</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="pattern-ops">
            <h3 id="pattern-ops" className="section-title">
              It lets one call {reach.full.length === 1 ? '1 operation' : `${reach.full.length} operations`}
            </h3>
            <OperationList indexes={reach.full} catalog={catalog} links={links} />
          </section>
          {reach.partial.length > 0 && (
            <section aria-labelledby="pattern-partial">
              <h3 id="pattern-partial" className="section-title">
                …and half of{' '}
                {reach.partial.length === 1 ? '1 more operation' : `${reach.partial.length} more operations`}
              </h3>
              <p className="muted">
                These also need an action the pattern does not grant (often on another resource): with this
                pattern alone, they answer 403.
              </p>
              <OperationList indexes={reach.partial} catalog={catalog} links={links} />
            </section>
          )}
        </>
      )}
    </article>
  );
}

/** A resource type: its actions, and the wildcard that grants them all. */
export function ResourceTypePage({
  catalog,
  type,
  links,
}: {
  catalog: CatalogView;
  type: string;
  links: CatalogLinks;
}) {
  const index = useActionIndex(catalog);
  const actions = index.resourceTypes.get(type) ?? [];
  if (!catalog.ready)
    return (
      <div className="card" aria-busy="true">
        <p className="muted">Loading the catalogue…</p>
      </div>
    );
  const operations = new Set(actions.flatMap((a) => a.operations.map((use) => use.index)));
  return (
    <article className="card page" aria-labelledby="type-title">
      <p className="eyebrow">Resource type</p>
      <h2 id="type-title" className="page__title mono">
        {type}
      </h2>
      {actions.length === 0 ? (
        <p className="muted">No action of this catalogue applies to this resource type.</p>
      ) : (
        <>
          <p>
            URNs: <code className="mono">urn:v1:&lt;plate&gt;:resource:{type}:&lt;id&gt;</code>. Every action
            of the type:{' '}
            <AppLink
              href={links.action(`${type}:apiovh:*`)}
              go={links.go}
              className="mono"
            >{`${type}:apiovh:*`}</AppLink>
          </p>
          <section aria-labelledby="type-actions">
            <h3 id="type-actions" className="section-title">
              {actions.length} actions, used by {operations.size} operations
            </h3>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Operations</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.name}>
                    <td>
                      <AppLink href={links.action(a.name)} go={links.go} className="mono">
                        {a.name}
                      </AppLink>
                    </td>
                    <td>{a.operations.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </article>
  );
}
