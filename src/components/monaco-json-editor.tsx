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
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { useEffect, useId, useRef } from 'react';
import type { JsonEditorProps } from './json-editor';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

const dark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** Schemas by model URI: Monaco's JSON settings are global, so each editor adds its own and removes it. */
const schemas = new Map<string, object>();
function applySchemas() {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    schemas: [...schemas].map(([uri, schema]) => ({ uri: `${uri}#schema`, fileMatch: [uri], schema })),
  });
}

export default function MonacoJsonEditor({
  value,
  onChange,
  label,
  invalid,
  describedBy,
  readOnly = false,
  minLines = 6,
  maxLines = 24,
  highlight,
  schema,
}: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const modelId = useId().replace(/[^a-z0-9]/gi, '');
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`inmemory://explorer/${modelId}.json`);
    if (schema) {
      schemas.set(uri.toString(), schema);
      applySchemas();
    }
    const instance = monaco.editor.create(host.current, {
      model: monaco.editor.createModel(value, 'json', uri),
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
    editor.current = instance;
    decorations.current = instance.createDecorationsCollection();
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
      if (schemas.delete(uri.toString())) applySchemas();
      scheme.removeEventListener('change', retheme);
      changes.dispose();
      editor.current = null;
      instance.getModel()?.dispose();
      instance.dispose();
    };
    // Uncontrolled once created: the editor owns its text and reports changes. Feeding `value` back in
    // would race fast typing (a render can carry an older value than the editor holds) and lose keystrokes;
    // to replace the text from outside, remount the editor with a new key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    if (!highlight) {
      decorations.current?.clear();
      return;
    }
    const range = monaco.Range.fromPositions(
      model.getPositionAt(highlight.start),
      model.getPositionAt(highlight.end),
    );
    decorations.current?.set([{ range, options: { className: 'json-editor__highlight', stickiness: 1 } }]);
    instance.revealRangeInCenter(range);
  }, [highlight]);

  return (
    <div
      ref={host}
      className={`json-editor${invalid ? ' json-editor--invalid' : ''}`}
      aria-describedby={describedBy}
      data-testid="monaco-editor"
    />
  );
}
