// The page's modules stay layered: main.js starts the controller (app/), the controller shows the
// screens, screens use components and domain modules, and nothing imports upwards. A cycle, between
// modules or between folders, means a folder is both a user and a helper of another, which is how
// app/ once became the controller and everyone's helper library at the same time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { moduleGraph, folderGraph, folderOf, cycles, formatFolderGraph } from '../../tools/lib/import-graph.mjs';

const CONTROLLER = 'app';
const ENTRY = 'main';
const graph = await moduleGraph();
const folders = folderGraph(graph);

test('the import graph is read: every module is found and its imports resolve inside web/js', () => {
  assert.ok(graph.size > 50, `${graph.size} modules`);
  assert.ok(graph.get('main.js').includes('app/app.js'), 'main.js starts the app');
  for (const [module, targets] of graph) {
    for (const target of targets) assert.ok(graph.has(target), `${module} imports ${target}, which is not a module`);
  }
});

test('no module imports itself back through others', () => {
  assert.deepEqual(cycles(graph), []);
});

test('no folder imports itself back through others: the folders form layers', () => {
  assert.deepEqual(cycles(folders), [], formatFolderGraph(folders));
});

test('only the entry point imports the controller, and nothing imports the entry point', () => {
  const upward = [];
  for (const [module, targets] of graph) {
    for (const target of targets) {
      const into = folderOf(target);
      const from = folderOf(module);
      if (into === ENTRY || (into === CONTROLLER && from !== CONTROLLER && from !== ENTRY)) upward.push(`${module} -> ${target}`);
    }
  }
  assert.deepEqual(upward, []);
});

test('docs/web-app.md shows the folder graph as it is', () => {
  const doc = readFileSync(new URL('../../docs/web-app.md', import.meta.url), 'utf8');
  const section = doc.match(/## Module layers\n[\s\S]*?```text\n([\s\S]*?)```/);
  assert.ok(section, 'docs/web-app.md has a "Module layers" section with a ```text block');
  assert.equal(section[1].trim(), formatFolderGraph(folders), 'update the block with: node tools/import-graph.mjs');
});
