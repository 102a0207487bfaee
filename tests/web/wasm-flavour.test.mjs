// web/js/worker/wasm-flavour.js: the worker loads the build its engine validates and falls back to
// the other one when that build cannot be loaded (an engine that gained SIMD with a browser update
// while its service worker still holds only the baseline build, offline). The real modules and the
// probe are tested in tests/wasm/wasm-flavours.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAuthcoreModule } from '../../web/js/worker/wasm-flavour.js';

function builds(outcomes, tried) {
  const make = (name) => async () => {
    tried.push(name);
    if (outcomes[name] === 'import fails') throw new Error(`${name}: failed to fetch`);
    if (outcomes[name] === 'instantiate fails') throw new Error(`${name}: CompileError`);
    return { build: name };
  };
  return { simd: make('simd'), baseline: make('baseline') };
}

test('an engine with SIMD loads the SIMD build, one without loads the baseline', async () => {
  const tried = [];
  assert.deepEqual(await loadAuthcoreModule({ simd: true, builds: builds({}, tried) }), { build: 'simd' });
  assert.deepEqual(await loadAuthcoreModule({ simd: false, builds: builds({}, tried) }), { build: 'baseline' });
  assert.deepEqual(tried, ['simd', 'baseline']);
});

test('a build that cannot be fetched or instantiated gives way to the other', async () => {
  let tried = [];
  assert.deepEqual(await loadAuthcoreModule({ simd: true, builds: builds({ simd: 'import fails' }, tried) }), { build: 'baseline' });
  assert.deepEqual(tried, ['simd', 'baseline']);
  tried = [];
  assert.deepEqual(await loadAuthcoreModule({ simd: true, builds: builds({ simd: 'instantiate fails' }, tried) }), { build: 'baseline' });
  tried = [];
  assert.deepEqual(await loadAuthcoreModule({ simd: false, builds: builds({ baseline: 'import fails' }, tried) }), { build: 'simd' });
  assert.deepEqual(tried, ['baseline', 'simd']);
});

test('when neither build loads, the first build\'s error is the one reported', async () => {
  const failing = builds({ simd: 'import fails', baseline: 'instantiate fails' }, []);
  await assert.rejects(loadAuthcoreModule({ simd: true, builds: failing }), /simd: failed to fetch/);
  await assert.rejects(loadAuthcoreModule({ simd: false, builds: failing }), /baseline: CompileError/);
});
