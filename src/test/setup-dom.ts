import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

// Monaco needs a real browser (canvas, workers): component tests get a plain text area in its place.
vi.mock('../components/monaco-json-editor', async () => {
  const { createElement } = await import('react');
  return {
    default: ({
      value,
      onChange,
      label,
    }: {
      value: string;
      onChange?: (value: string) => void;
      label: string;
    }) =>
      createElement('textarea', {
        'aria-label': label,
        defaultValue: value,
        onChange: (event: { target: { value: string } }) => onChange?.(event.target.value),
      }),
  };
});

// jsdom has no matchMedia.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;

// jsdom lays nothing out, so every box measures 0×0 and virtualized lists would render no row: give
// elements a viewport-sized client box instead.
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 768 },
  clientWidth: { configurable: true, get: () => 1024 },
});
