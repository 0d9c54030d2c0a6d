import { useState } from 'react';
import type { ApiStatus } from '../../domain/catalog/types';

type Props = { status: ApiStatus; replacementHref?: string };

const LABELS: Record<ApiStatus['value'], string> = {
  PRODUCTION: 'Stable',
  BETA: 'Beta',
  ALPHA: 'Alpha',
  DEPRECATED: 'Deprecated',
};

function day(date: string): string {
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString().slice(0, 10);
}

/** BETA, ALPHA and DEPRECATED badges, with the deprecation and deletion dates and the replacement. */
export function StatusNote({ status, replacementHref }: Props) {
  const [openedAt] = useState(Date.now);
  if (status.value === 'PRODUCTION') return null;
  const deleted = status.deletionDate && new Date(status.deletionDate).getTime() < openedAt;
  return (
    <p className={`status-note status-note--${status.value.toLowerCase()}`}>
      <span className={`status status--${status.value.toLowerCase()}`}>{status.value}</span>
      <span>
        {status.value === 'DEPRECATED' ? (
          <>
            {status.deprecatedDate ? `Deprecated since ${day(status.deprecatedDate)}` : 'Deprecated'}
            {status.deletionDate &&
              (deleted
                ? `, removal planned on ${day(status.deletionDate)} (passed)`
                : `, removed on ${day(status.deletionDate)}`)}
            {status.replacement && (
              <>
                {'. Use '}
                {replacementHref ? (
                  <a href={replacementHref} className="mono">
                    {status.replacement}
                  </a>
                ) : (
                  <code className="mono">{status.replacement}</code>
                )}
                {' instead.'}
              </>
            )}
          </>
        ) : (
          `${LABELS[status.value]}: ${status.description ?? 'may change without notice'}.`
        )}
      </span>
    </p>
  );
}
