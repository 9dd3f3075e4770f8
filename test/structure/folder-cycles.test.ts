// The folders of src/ import each other in one direction only (DESIGN "Architecture": the shared vocabulary in
// src/model below everything). This parses every import of every source file, builds the graph of top-level
// folders (src/core, src/hosts, …) and fails on any cycle, naming the imports that close it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every relative module a file names: import/export … from, import(), bare import, type-only ones too. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out.filter((s) => s.startsWith('.'));
}

/** Top-level folder of a file under src/ ("core" for src/core/rectify/units.ts); null for src/*.ts itself. */
const folderOf = (file: string): string | null => {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : null;
};

/** Folder → folder edges, each with the import lines that make it. */
export function folderGraph(files: { path: string; text: string }[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const { path, text } of files) {
    const from = folderOf(path);
    if (!from) continue;
    for (const spec of importsOf(text)) {
      const to = folderOf(resolve(dirname(path), spec));
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${relative(SRC, path)} → ${spec}`]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan): each is a cycle. */
export function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((e) => [...e.keys()])]);
  const visit = (v: string) => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('folder imports', () => {
  it('finds a cycle, and the imports closing it, in a made-up tree', () => {
    const files = [
      { path: join(SRC, 'core/a.ts'), text: "import type { S } from '../standards/types.ts';\nimport { x } from './b.ts';" },
      { path: join(SRC, 'standards/types.ts'), text: "export type { Stage } from '../core/types.ts';" },
      { path: join(SRC, 'hosts/excel/h.ts'), text: "const m = await import('../../core/a.ts');" },
      { path: join(SRC, 'cli/c.ts'), text: "import '../hosts/excel/h.ts';\nexport * from \"../model/m.ts\";" },
    ];
    const graph = folderGraph(files);
    expect(cycles(graph)).toEqual([['core', 'standards']]);
    expect(graph.get('hosts')?.get('core')).toEqual(['hosts/excel/h.ts → ../../core/a.ts']);
    expect([...graph.get('cli')!.keys()]).toEqual(['hosts', 'model']);
  });

  it('src/ has no folder-level import cycle', () => {
    const graph = folderGraph(sourceFiles(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') })));
    expect(graph.get('core')?.has('model')).toBe(true); // the parse sees real imports
    const found = cycles(graph).map((c) => {
      const lines = c.flatMap((from) => c.flatMap((to) => (graph.get(from)?.get(to) ?? []).slice(0, 2)));
      return `${c.join(' ↔ ')}: ${lines.join('; ')}`;
    });
    expect(found).toEqual([]);
  });

  it('src/model imports nothing outside itself: it is the vocabulary below every folder', () => {
    const graph = folderGraph(sourceFiles(join(SRC, 'model')).map((path) => ({ path, text: readFileSync(path, 'utf8') })));
    expect(Object.fromEntries(graph.get('model') ?? [])).toEqual({});
  });
});
