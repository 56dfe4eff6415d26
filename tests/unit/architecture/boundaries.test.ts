import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEdges, parseImports, sourceFiles, type ImportEdge } from './imports';

/**
 * A file's folder says which realm it runs in, and this test holds every import to it
 * (refined-github's conventions-as-tests; Hypothesis's annotator/sidebar/shared split).
 */
type Realm =
  | 'shared' | 'platform' | 'messaging' | 'content' | 'page-tool' | 'background' | 'data' | 'ui'
  | 'build' | 'tools' | 'scripts' | 'tests' | 'content-data' | 'package';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCANNED = ['src', 'entrypoints', 'scripts', 'build', 'tools', 'wxt.config.ts'];

function realmOf(path: string): Realm | undefined {
  if (!/^[./]/.test(path) && !/^((src|entrypoints|scripts|build|tools|tests|content-data|public)\/|wxt\.config\.ts$)/.test(path)) return 'package';
  if (path === 'entrypoints/background.ts') return 'background';
  if (path === 'entrypoints/content.ts') return 'content';
  if (path === 'entrypoints/page-tool.ts') return 'page-tool';
  if (/^entrypoints\/(popup|options|sidepanel|library|welcome|after-overdose|plan)\//.test(path)) return 'ui';
  const top = path.match(/^src\/(shared|platform|messaging|content|page-tool|background|data|ui)\//);
  if (top) return top[1] as Realm;
  if (path.startsWith('build/') || path === 'wxt.config.ts') return 'build';
  // Bundled static files (the UI message files) count as data files, like content-data.
  if (path.startsWith('public/')) return 'content-data';
  for (const realm of ['tools', 'scripts', 'tests', 'content-data'] as const) if (path.startsWith(`${realm}/`)) return realm;
  return undefined;
}

interface Rule {
  /** Realms whose modules may be imported for their values. */
  may: Realm[];
  /** Realms that may be imported with `import type` only (erased from the bundle). */
  types?: Realm[];
  /** Packages this realm may import. */
  packages: RegExp;
  /** Single files allowed beyond the realms, with the reason. */
  files?: string[];
  /** Single files never imported for their values, even from an allowed realm. */
  never?: string[];
}

const ANY = /./;
const WXT_ENTRY = 'wxt\\/utils\\/define-[a-z-]+';

const RULES: Record<Exclude<Realm, 'tests' | 'content-data' | 'package'>, Rule> = {
  // Pure: runs anywhere (content script, worker, pages, Node). Data types may be named, not loaded.
  shared: { may: ['shared', 'content-data'], types: ['data', 'messaging'], packages: /^$/ },
  // Thin wrappers over the browser's extension API, usable by every extension realm.
  platform: { may: ['shared', 'platform', 'content-data'], types: ['messaging', 'data'], packages: /^wxt\/browser$/ },
  messaging: { may: ['shared', 'messaging'], types: ['data'], packages: /^(zod|wxt\/browser)$/ },
  // The page's realm: small and dependency-free. Protocol types only (zod stays out of the bundle);
  // the never-throwing client is the one messaging module it loads.
  content: { may: ['shared', 'platform', 'content', 'content-data'], types: ['messaging'], packages: new RegExp(`^(wxt\\/browser|${WXT_ENTRY})$`), files: ['src/messaging/client.ts'] },
  'page-tool': { may: ['shared', 'platform', 'page-tool', 'content-data'], types: ['messaging'], packages: new RegExp(`^(wxt\\/browser|${WXT_ENTRY})$`), files: ['src/messaging/client.ts'] },
  // The service worker: never the extension pages' code (no Preact, no src/ui).
  background: { may: ['shared', 'platform', 'messaging', 'data', 'background', 'content-data'], packages: new RegExp(`^(wxt\\/browser|${WXT_ENTRY}|zod|dexie)$`) },
  // Extension-origin data layer: owns Dexie and the schemas.
  data: { may: ['shared', 'platform', 'data', 'content-data'], types: ['messaging'], packages: /^(zod|dexie|fake-indexeddb|wxt\/browser)$/ },
  // Extension pages: through the data layer, never the Dexie class or the worker's internals.
  ui: { may: ['shared', 'platform', 'messaging', 'data', 'ui', 'content-data'], packages: /^(preact|preact\/hooks|wxt\/browser)$/, never: ['src/data/db/database.ts'] },
  // Node, outside the extension: validates content-data with the data layer's schemas.
  build: { may: ['build', 'shared', 'data', 'content-data'], packages: /^(node:.+|zod|vite|wxt)$/ },
  tools: { may: ['tools', 'shared', 'data', 'build', 'content-data'], packages: ANY },
  scripts: { may: ['scripts', 'tools', 'build', 'shared', 'data', 'content-data'], packages: ANY },
};

/** What is wrong with these edges, one line each (empty when every import keeps to its realm). */
function violations(edges: ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    const where = `${edge.from}:${edge.line} imports ${edge.typeOnly ? 'type from ' : ''}${edge.to}`;
    const source = realmOf(edge.from);
    if (!source || !(source in RULES)) {
      problems.push(`${edge.from}: not in any realm folder`);
      continue;
    }
    const rule = RULES[source as keyof typeof RULES];
    const target = realmOf(edge.to);
    if (target === 'package') {
      if (!edge.typeOnly && !rule.packages.test(edge.to)) problems.push(`${where}: package not allowed in ${source}`);
      continue;
    }
    if (!target) {
      problems.push(`${where}: target is in no realm`);
      continue;
    }
    if (!edge.typeOnly && rule.never?.includes(edge.to)) {
      problems.push(`${where}: ${source} must not load this file`);
      continue;
    }
    const allowed = rule.may.includes(target) || rule.files?.includes(edge.to) || (edge.typeOnly && rule.types?.includes(target));
    if (!allowed) problems.push(`${where}: ${source} may not import ${edge.typeOnly ? 'types from ' : ''}${target}`);
  }
  return problems;
}

describe('realm boundaries', () => {
  const files = sourceFiles(ROOT, SCANNED);

  it('finds the code it checks', () => {
    expect(files).toContain('src/content/controller.ts');
    expect(files).toContain('entrypoints/background.ts');
    expect(files).toContain('wxt.config.ts');
    expect(files.length).toBeGreaterThan(80);
  });

  it('every import in src, entrypoints, scripts, build and tools keeps to its realm', () => {
    expect(violations(importEdges(ROOT, files))).toEqual([]);
  });

  it('reports a crossing: zod or Dexie in the content script, a page in the worker, tests in scripts', () => {
    const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly, line: 1 });
    expect(violations([
      edge('src/content/notice.ts', 'zod'),
      edge('src/content/notice.ts', 'src/messaging/protocol.ts'),
      edge('src/page-tool/page-tool.ts', 'src/data/db/open.ts'),
      edge('src/background/browser-deps.ts', 'src/ui/StateView.tsx'),
      edge('src/ui/Nearby.tsx', 'src/data/db/database.ts'),
      edge('src/ui/use-live.ts', 'dexie'),
      edge('src/shared/detect/detector.ts', 'wxt/browser'),
      edge('src/shared/extract.ts', 'node:fs'),
      edge('scripts/bench.ts', 'tests/support/fuzz.ts'),
      edge('src/stray.ts', 'src/shared/extract.ts'),
    ])).toHaveLength(10);
    expect(violations([
      edge('src/content/analyze.ts', 'src/messaging/protocol.ts', true),
      edge('src/content/controller.ts', 'src/messaging/client.ts'),
      edge('src/ui/use-live.ts', 'src/data/db/database.ts', true),
      edge('src/shared/evidence/rank.ts', 'src/data/evidence/schema.ts', true),
    ])).toEqual([]);
  });

  it('reads type-only, value, re-export, side-effect and dynamic imports apart', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "export type { F } from './f';",
      "export { g } from './g';",
      "import './styles.css';",
      "// import { h } from './commented';",
      "let x: import('./i').I[];",
      "void import('./j').then((m) => m);",
      'import {\n  k,\n  l,\n} from "./k";',
    ].join('\n');
    expect(parseImports(text).map(({ spec, typeOnly }) => `${spec}${typeOnly ? ' (type)' : ''}`).sort()).toEqual([
      './a (type)', './b (type)', './d', './f (type)', './g', './i (type)', './j', './k', './styles.css',
    ]);
  });
});
