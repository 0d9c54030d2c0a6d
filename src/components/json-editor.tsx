import { Component, lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';

export type JsonEditorProps = {
  /** the text; Monaco reads it when it mounts, then owns it (give a new key to replace it from outside) */
  value: string;
  onChange?: (value: string) => void;
  /** accessible name of the editing area */
  label: string;
  invalid?: boolean;
  describedBy?: string;
  readOnly?: boolean;
  minLines?: number;
  maxLines?: number;
  /** a stretch of the text to mark and bring into view (offsets), e.g. the statement that decided */
  highlight?: { start: number; end: number };
  /** JSON Schema the text should follow: completion and underlining as one types */
  schema?: object;
};

const MonacoJsonEditor = lazy(() => import('./monaco-json-editor'));

/** A plain text area: shown while Monaco loads, and instead of it if Monaco cannot load. */
function PlainJsonEditor({
  value,
  onChange,
  label,
  invalid,
  describedBy,
  readOnly,
  minLines = 6,
  highlight,
}: JsonEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (highlight) area.current?.setSelectionRange(highlight.start, highlight.end);
  }, [highlight]);
  return (
    <textarea
      ref={area}
      className={`input mono json-fallback${invalid ? ' json-editor--invalid' : ''}`}
      value={value}
      onChange={(event) => onChange?.(event.target.value)}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      readOnly={readOnly}
      rows={Math.max(minLines, value.split('\n').length)}
      spellCheck={false}
    />
  );
}

class FallbackOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** JSON editing with Monaco, loaded on demand (DESIGN.md: never in the first-paint bundle). */
export function JsonEditor(props: JsonEditorProps) {
  const plain = <PlainJsonEditor {...props} />;
  return (
    <FallbackOnError fallback={plain}>
      <Suspense fallback={plain}>
        <MonacoJsonEditor {...props} />
      </Suspense>
    </FallbackOnError>
  );
}
