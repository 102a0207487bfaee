// media-streams.js focusContinuously(): continuous focus is asked for only when the camera's
// capabilities list it, and a refusal is harmless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusContinuously } from '../../web/js/scan/media-streams.js';

function fakeTrack(capabilities, { refuse = false } = {}) {
  const applied = [];
  return {
    applied,
    getCapabilities: () => capabilities,
    applyConstraints: async (constraints) => {
      if (refuse) throw new Error('OverconstrainedError');
      applied.push(constraints);
    },
  };
}

test('asks for continuous focus when the camera offers it', async () => {
  const track = fakeTrack({ focusMode: ['manual', 'single-shot', 'continuous'] });
  assert.equal(await focusContinuously(track), true);
  assert.deepEqual(track.applied, [{ advanced: [{ focusMode: 'continuous' }] }]);
});

test('leaves a camera without continuous focus alone', async () => {
  const track = fakeTrack({ focusMode: ['manual'] });
  assert.equal(await focusContinuously(track), false);
  assert.deepEqual(track.applied, []);
  assert.equal(await focusContinuously(fakeTrack({})), false);
  assert.equal(await focusContinuously({}), false, 'no getCapabilities (Firefox, Safari)');
  assert.equal(await focusContinuously(undefined), false);
});

test('a refused constraint is not an error', async () => {
  assert.equal(await focusContinuously(fakeTrack({ focusMode: ['continuous'] }, { refuse: true })), false);
});
