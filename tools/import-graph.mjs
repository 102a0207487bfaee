#!/usr/bin/env node
// Prints the import graph of web/js's folders, top layer first, as docs/web-app.md shows it
// ("Module layers"), and any cycle between modules or folders:
//   node tools/import-graph.mjs
import { moduleGraph, folderGraph, cycles, formatFolderGraph } from './lib/import-graph.mjs';

const graph = await moduleGraph();
const folders = folderGraph(graph);
console.log(formatFolderGraph(folders));
for (const cycle of cycles(graph)) console.log(`module cycle: ${cycle.join(', ')}`);
for (const cycle of cycles(folders)) console.log(`folder cycle: ${cycle.join(', ')}`);
