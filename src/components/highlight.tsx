import { Fragment } from 'react';

type Props = { text: string; terms: readonly string[] };

/** Marks every occurrence of the search terms in a text, case-insensitively. */
export function Highlight({ text, terms }: Props) {
  const usable = terms.map((term) => term.replace(/^\*+|\*+$/g, '')).filter((term) => term.length > 0);
  if (usable.length === 0) return <>{text}</>;
  const pattern = new RegExp(
    `(${usable.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'gi',
  );
  const parts = text.split(pattern);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
