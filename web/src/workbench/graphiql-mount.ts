// GraphiQL is a React component; the workbench page mounts it into one element. Everything it needs is
// bundled by Vite: nothing comes from a CDN (government networks are often closed; the browser suite
// asserts every request stays local). GraphiQL 4 (CodeMirror) rather than 5: version 5's Monaco editor
// needs web workers that Vite's dev server did not start here (the result and variables editors stayed empty).
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import type { ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExampleOperation } from './examples.ts';

export interface WorkbenchRequest {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface GraphiqlOptions {
  /** Sends one operation with the signed-in user's token and resolves to the JSON result. */
  fetcher(request: WorkbenchRequest, options?: { headers?: Record<string, unknown> }): Promise<unknown>;
  examples: readonly ExampleOperation[];
  /** Keeps each user's tabs and history apart in localStorage. */
  storageNamespace: string;
}

/** A Storage that prefixes every key, so two users of one browser do not share tabs and history. */
function namespacedStorage(namespace: string): Storage {
  const key = (name: string) => `${namespace}:${name}`;
  return {
    get length() {
      return Object.keys(localStorage).filter((name) => name.startsWith(`${namespace}:`)).length;
    },
    clear: () => Object.keys(localStorage).filter((name) => name.startsWith(`${namespace}:`)).forEach((name) => localStorage.removeItem(name)),
    getItem: (name) => localStorage.getItem(key(name)),
    setItem: (name, value) => localStorage.setItem(key(name), value),
    removeItem: (name) => localStorage.removeItem(key(name)),
    key: (index) => Object.keys(localStorage).filter((name) => name.startsWith(`${namespace}:`))[index]?.slice(namespace.length + 1) ?? null,
  };
}

export function mountGraphiql(element: HTMLElement, options: GraphiqlOptions): () => void {
  const root = createRoot(element);
  const storage = namespacedStorage(options.storageNamespace);
  const tabs = options.examples.map((example) => ({ query: example.query, variables: JSON.stringify(example.variables, null, 2) }));
  // On a first visit GraphiQL opens `defaultTabs` but fills the variables editor only from the
  // `variables` prop (@graphiql/react 0.34 editor/context.js), so the first example's are passed too.
  // Later visits restore the stored tabs, and the prop must then stay unset or it would add a tab.
  const firstVisit = storage.getItem('graphiql:tabState') === null;
  root.render(
    createElement(GraphiQL, {
      ...(firstVisit && tabs[0] ? { variables: tabs[0].variables } : {}),
      // The gateway answers a JSON execution result; GraphiQL's type names it.
      fetcher: options.fetcher as ComponentProps<typeof GraphiQL>['fetcher'],
      defaultTabs: tabs,
      defaultEditorToolsVisibility: 'variables',
      isHeadersEditorEnabled: false,
      storage,
      forcedTheme: 'light',
    }),
  );
  return () => root.unmount();
}
