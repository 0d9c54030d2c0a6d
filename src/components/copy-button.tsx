import { useEffect, useState } from 'react';

type Props = {
  text: string;
  /** accessible name, e.g. "Copy policy JSON" */
  label: string;
  /** visible text; "Copy" by default */
  children?: string;
  className?: string;
};

/** Copies text to the clipboard and says so, politely, to screen readers too. */
export function CopyButton({ text, label, children = 'Copy', className = '' }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <button type="button" className={`button button--small ${className}`} onClick={copy} aria-label={label}>
      <span aria-hidden="true">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
      </span>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy: select the text instead'
            : ''}
      </span>
    </button>
  );
}
