import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isWildcard, matchesPattern } from '../../domain/iam/pattern';
import type { Operation } from '../../domain/catalog/types';
import { Highlight } from '../../components/highlight';
import { MethodBadge } from '../../components/method-badge';
import type { CatalogLinks } from './action-page';
import { useActionIndex, useSearch, type CatalogView } from './use-catalog';

type Props = {
  catalog: CatalogView;
  open: boolean;
  onClose: () => void;
  links: CatalogLinks;
};

type Item =
  | { kind: 'operation'; id: string; operation: Operation; href: string }
  | { kind: 'action'; id: string; name: string; count: number; href: string }
  | { kind: 'type'; id: string; type: string; href: string }
  | { kind: 'section'; id: string; path: string; count: number; href: string };

const LIMITS = { operation: 8, action: 6, type: 4, section: 4 };

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Ctrl/⌘-K: one box over operations, actions, resource types and sections. A combobox with its listbox:
 * arrows move, Enter opens, Escape closes.
 */
export function CommandPalette({ catalog, open, onClose, links }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const listId = useId();
  const index = useActionIndex(catalog);
  const search = useSearch(catalog, deferred, {});

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      setQuery('');
      setActive(0);
      input.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const items = useMemo((): Item[] => {
    const text = deferred.trim().toLowerCase();
    const operations: Item[] =
      search.data?.version === catalog.version
        ? [...search.data.indexes.subarray(0, LIMITS.operation)].flatMap((position) => {
            const operation = catalog.operations[position];
            return operation
              ? [
                  {
                    kind: 'operation' as const,
                    id: `op:${operation.id}`,
                    operation,
                    href: links.operation(operation),
                  },
                ]
              : [];
          })
        : [];
    if (!text) return operations;
    const actionMatch = isWildcard(text)
      ? (name: string) => matchesPattern(text, name.toLowerCase())
      : (name: string) => name.toLowerCase().includes(text);
    const actions: Item[] = [];
    if (isWildcard(deferred.trim())) {
      actions.push({
        kind: 'action',
        id: `pattern:${deferred.trim()}`,
        name: deferred.trim(),
        count: index.actions.filter((a) => actionMatch(a.name)).length,
        href: links.action(deferred.trim()),
      });
    }
    for (const action of index.actions) {
      if (actions.length >= LIMITS.action) break;
      if (actionMatch(action.name))
        actions.push({
          kind: 'action',
          id: `action:${action.name}`,
          name: action.name,
          count: action.operations.length,
          href: links.action(action.name),
        });
    }
    const types: Item[] = [...index.resourceTypes.keys()]
      .filter((type) => type.toLowerCase().includes(text))
      .slice(0, LIMITS.type)
      .map((type) => ({ kind: 'type', id: `type:${type}`, type, href: links.resourceType(type) }));
    const sections: Item[] = catalog.sections
      .filter((s) => s.path.toLowerCase().includes(text))
      .slice(0, LIMITS.section)
      .map((s) => ({
        kind: 'section',
        id: `section:${s.path}`,
        path: s.path,
        count: s.operationCount,
        href: links.section(s.path),
      }));
    // Action-looking queries put actions first.
    return text.includes(':')
      ? [...actions, ...operations, ...types, ...sections]
      : [...operations, ...actions, ...types, ...sections];
  }, [deferred, search.data, catalog, index, links]);

  const current = Math.min(active, Math.max(items.length - 1, 0));

  function pick(item: Item | undefined) {
    if (!item) return;
    onClose();
    links.go(item.href);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(items[current]);
    }
  }

  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  const terms = deferred.trim() ? deferred.trim().split(/\s+/) : [];

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Search everything"
      onClose={onClose}
      onCancel={onClose}
    >
      <div className="palette__box">
        <input
          ref={input}
          className="input palette__input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={items.length ? `${listId}-${current}` : undefined}
          aria-label="Search operations, actions and sections"
          placeholder="Operations, actions (vps:apiovh:*), resource types, sections…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" className="palette__list" aria-label="Results">
          {items.map((item, i) => (
            <li
              key={item.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className={`palette__item${i === current ? ' palette__item--active' : ''}`}
              onMouseMove={() => setActive(i)}
              onClick={() => pick(item)}
            >
              {item.kind === 'operation' && (
                <>
                  <MethodBadge method={item.operation.method} />
                  <span className="mono">
                    <Highlight text={item.operation.path} terms={terms} />
                  </span>
                  <span className="palette__kind">operation</span>
                </>
              )}
              {item.kind === 'action' && (
                <>
                  <span className="mono">
                    <Highlight text={item.name} terms={terms} />
                  </span>
                  <span className="muted">
                    {plural(item.count, isWildcard(item.name) ? 'action' : 'operation')}
                  </span>
                  <span className="palette__kind">{isWildcard(item.name) ? 'pattern' : 'action'}</span>
                </>
              )}
              {item.kind === 'type' && (
                <>
                  <span className="mono">
                    <Highlight text={item.type} terms={terms} />
                  </span>
                  <span className="palette__kind">resource type</span>
                </>
              )}
              {item.kind === 'section' && (
                <>
                  <span className="mono">
                    <Highlight text={item.path} terms={terms} />
                  </span>
                  <span className="muted">{plural(item.count, 'operation')}</span>
                  <span className="palette__kind">section</span>
                </>
              )}
            </li>
          ))}
          {items.length === 0 && (
            <li className="palette__empty" role="presentation">
              {catalog.ready ? 'Nothing matches.' : 'Loading the catalogue…'}
            </li>
          )}
        </ul>
        <p className="palette__help muted">↑ ↓ to move, Enter to open, Esc to close</p>
      </div>
    </dialog>
  );
}
