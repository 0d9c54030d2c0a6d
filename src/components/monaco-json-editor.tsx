/**
 * Monaco with only what a JSON editor needs: the core API, the JSON language and its worker, and a few
 * editing features. Loaded lazily (see json-editor.tsx): never part of the first paint.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { useEffect, useRef } from 'react';
import type { JsonEditorProps } from './json-editor';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

const dark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

export default function MonacoJsonEditor({
  value,
  onChange,
  label,
  invalid,
  describedBy,
  readOnly = false,
  minLines = 6,
  maxLines = 24,
}: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      value,
      language: 'json',
      ariaLabel: label,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      lineNumbersMinChars: 3,
      folding: true,
      renderLineHighlight: 'none',
      fixedOverflowWidgets: true,
      theme: dark() ? 'vs-dark' : 'vs',
      accessibilitySupport: 'auto',
    });
    const lineHeight = instance.getOption(monaco.editor.EditorOption.lineHeight);
    const fit = () => {
      const lines = Math.min(maxLines, Math.max(minLines, instance.getModel()?.getLineCount() ?? minLines));
      if (host.current) host.current.style.height = `${lines * lineHeight + 8}px`;
    };
    fit();
    const changes = instance.onDidChangeModelContent(() => {
      fit();
      latestOnChange.current?.(instance.getValue());
    });
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const retheme = () => monaco.editor.setTheme(scheme.matches ? 'vs-dark' : 'vs');
    scheme.addEventListener('change', retheme);
    return () => {
      scheme.removeEventListener('change', retheme);
      changes.dispose();
      instance.getModel()?.dispose();
      instance.dispose();
    };
    // Uncontrolled once created: the editor owns its text and reports changes. Feeding `value` back in
    // would race fast typing (a render can carry an older value than the editor holds) and lose keystrokes;
    // to replace the text from outside, remount the editor with a new key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div
      ref={host}
      className={`json-editor${invalid ? ' json-editor--invalid' : ''}`}
      aria-describedby={describedBy}
      data-testid="monaco-editor"
    />
  );
}
