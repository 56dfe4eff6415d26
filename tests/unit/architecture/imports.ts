import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One import statement of a source file, as the boundary rules see it. */
export interface ImportEdge {
  from: string;
  /** Repo-relative file for a relative import, else the package name as written. */
  to: string;
  typeOnly: boolean;
  line: number;
}

const SOURCE = /\.(ts|tsx|mts)$/;
const RESOLVE = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Every .ts/.tsx file below the given repo-relative folders (or the files themselves). */
export function sourceFiles(root: string, paths: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs)) walk(posix.join(rel, name));
    } else if (SOURCE.test(rel) && !rel.endsWith('.d.ts')) out.push(rel);
  };
  paths.forEach(walk);
  return out.sort();
}

/** A type-only clause: `import type …`, `export type …`, or braces whose every name says `type`. */
function isTypeOnly(keyword: string, clause: string): boolean {
  if (/^type\s/.test(clause)) return true;
  if (keyword === 'export' && /^type\s*\{/.test(clause)) return true;
  const braces = clause.match(/^\{([^}]*)\}$/);
  if (!braces) return false;
  const names = braces[1].split(',').map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/**
 * The imports of one file's text: static `import`/`export … from`, side-effect imports, and
 * `import('…')` (type-only when used as a type, `import('x').Name`, value otherwise). Comments
 * are stripped first so a commented-out import does not count.
 */
export function parseImports(text: string): { spec: string; typeOnly: boolean; line: number }[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  const found: { spec: string; typeOnly: boolean; line: number }[] = [];
  const statement = /(?:^|[\n;])\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) {
    found.push({ spec: m[3], typeOnly: isTypeOnly(m[1], m[2].trim()), line: lineOf(m.index + m[0].indexOf(m[1])) });
  }
  for (const m of code.matchAll(/(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g)) {
    found.push({ spec: m[1], typeOnly: false, line: lineOf(m.index + m[0].indexOf('import')) });
  }
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)(\s*\.\s*(\w+))?/g)) {
    const typeOnly = m[3] !== undefined && m[3] !== 'then';
    found.push({ spec: m[1], typeOnly, line: lineOf(m.index) });
  }
  return found;
}

/** The import edges of the given files, relative specifiers resolved to repo-relative paths. */
export function importEdges(root: string, files: string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const { spec, typeOnly, line } of parseImports(readFileSync(join(root, from), 'utf8'))) {
      let to = spec;
      if (spec.startsWith('.')) {
        const base = posix.normalize(posix.join(posix.dirname(from), spec));
        to = RESOLVE.map((ext) => base + ext).find((p) => existsSync(join(root, p)) && statSync(join(root, p)).isFile()) ?? base;
      }
      edges.push({ from, to, typeOnly, line });
    }
  }
  return edges;
}
