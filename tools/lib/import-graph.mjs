// The import graph of the page's modules (web/js/): which module imports which, folded into folders.
// esbuild reads the imports (it is the build's own parser, so a multi-line import, a comment or a
// string that looks like one cannot fool it); only static `import`/`export ... from` count, the
// edges the layers are about. Imports that leave web/js (the wasm glue) are left out.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

export const WEB_JS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/js');

function listModules(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listModules(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

// Marks every import that resolves outside web/js as external, so esbuild neither needs nor reads it.
const stayInWebJs = {
  name: 'stay-in-web-js',
  setup(build) {
    build.onResolve({ filter: /.*/ }, ({ path: request, resolveDir, kind }) => {
      if (kind === 'entry-point') return undefined;
      const resolved = path.resolve(resolveDir, request);
      return resolved.startsWith(WEB_JS + path.sep) ? undefined : { path: request, external: true };
    });
  },
};

/// Map from module (path relative to web/js, '/' separated) to the sorted modules it imports.
export async function moduleGraph(root = WEB_JS) {
  const modules = listModules(root);
  const result = await esbuild.build({
    entryPoints: modules, bundle: true, write: false, metafile: true, format: 'esm',
    outdir: path.join(root, '.import-graph'), logLevel: 'silent', plugins: [stayInWebJs],
  });
  const cwd = process.cwd();
  const relative = (input) => path.relative(root, path.resolve(cwd, input)).split(path.sep).join('/');
  const graph = new Map(modules.map((module) => [relative(path.relative(cwd, module)), []]));
  for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
    const from = relative(input);
    if (!graph.has(from)) continue;
    const targets = imports.filter((edge) => (edge.kind === 'import-statement' || edge.kind === 'dynamic-import') && !edge.external).map((edge) => relative(edge.path));
    graph.set(from, [...new Set(targets)].sort());
  }
  return graph;
}

/// The folder a module belongs to; modules at the root of web/js (main.js) are their own layer.
export function folderOf(module) {
  const slash = module.indexOf('/');
  return slash < 0 ? module.replace(/\.js$/, '') : module.slice(0, slash);
}

/// Map from folder to the sorted other folders its modules import.
export function folderGraph(graph) {
  const folders = new Map();
  for (const [from, targets] of graph) {
    const source = folderOf(from);
    if (!folders.has(source)) folders.set(source, new Set());
    for (const target of targets) if (folderOf(target) !== source) folders.get(source).add(folderOf(target));
  }
  return new Map([...folders].sort(([a], [b]) => a.localeCompare(b)).map(([folder, targets]) => [folder, [...targets].sort()]));
}

/// Every cycle of a graph (Map node -> nodes), one per strongly connected component of two or more
/// nodes (or a node that imports itself), as the list of its nodes. Tarjan's algorithm.
export function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/// How far a folder sits above the bottom: 0 for a folder that imports no other, else one more than
/// the highest folder it imports. Only meaningful for a graph without cycles.
export function heights(folders) {
  const height = new Map();
  const measure = (folder, path = new Set()) => {
    if (height.has(folder)) return height.get(folder);
    if (path.has(folder)) return 0; // a cycle: the test reports it, the height is moot
    path.add(folder);
    const below = (folders.get(folder) ?? []).map((target) => measure(target, path));
    path.delete(folder);
    height.set(folder, below.length ? 1 + Math.max(...below) : 0);
    return height.get(folder);
  };
  for (const folder of folders.keys()) measure(folder);
  return height;
}

/// The folder graph as text, one line per folder, the top layer first: `screens -> i18n, scan, ui`.
export function formatFolderGraph(folders) {
  const height = heights(folders);
  const order = [...folders.keys()].sort((a, b) => height.get(b) - height.get(a) || a.localeCompare(b));
  return order.map((folder) => `${folder} -> ${folders.get(folder).join(', ') || '(nothing)'}`).join('\n');
}
