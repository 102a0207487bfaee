// The restore screen's read-ahead (web/js/transfer/file-read-ahead.js): the read starts when a file
// is chosen, pressing the button gets those same bytes, choosing another file starts again, a file
// over the size cap is never read, and a file that cannot be read answers an error, not a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileReadAhead } from '../../web/js/transfer/file-read-ahead.js';
import { MAX_IMPORT_BYTES } from '../../web/js/transfer/file-size.js';

function fileInput() {
  const input = new EventTarget();
  input.choose = (file) => {
    input.files = [file];
    input.dispatchEvent(new Event('change'));
  };
  return input;
}

// A file that counts its reads and can be told to fail (moved or deleted after it was chosen).
function countedFile(bytes, { fails = false, size = bytes.length } = {}) {
  return {
    size,
    reads: 0,
    async arrayBuffer() {
      this.reads += 1;
      if (fails) throw new DOMException('The file could not be read', 'NotReadableError');
      return new Uint8Array(bytes).buffer;
    },
  };
}

test('the read starts when the file is chosen and the press gets its bytes', async () => {
  const input = fileInput();
  const ahead = new FileReadAhead(input);
  const file = countedFile([1, 2, 3]);
  input.choose(file);
  assert.equal(file.reads, 1, 'read on choosing, before any press');
  assert.deepEqual([...(await ahead.read(file)).bytes], [1, 2, 3]);
  assert.deepEqual([...(await ahead.read(file)).bytes], [1, 2, 3], 'a second press (wrong password) reuses it');
  assert.equal(file.reads, 1);
});

test('another file chosen is read afresh; forget() drops the bytes', async () => {
  const input = fileInput();
  const ahead = new FileReadAhead(input);
  const first = countedFile([1]);
  const second = countedFile([2]);
  input.choose(first);
  input.choose(second);
  assert.deepEqual([...(await ahead.read(second)).bytes], [2]);
  ahead.forget();
  assert.deepEqual([...(await ahead.read(second)).bytes], [2]);
  assert.equal(second.reads, 2);
  // a file handed to read() that was never announced by a change event is read then
  const other = countedFile([3]);
  assert.deepEqual([...(await ahead.read(other)).bytes], [3]);
});

test('a file that cannot be read answers unreadable_file; one over the cap is never read', async () => {
  const input = fileInput();
  const ahead = new FileReadAhead(input);
  const broken = countedFile([1], { fails: true });
  input.choose(broken);
  assert.deepEqual(await ahead.read(broken), { error: { kind: 'unreadable_file' } });
  const huge = countedFile([], { size: MAX_IMPORT_BYTES + 1 });
  input.choose(huge);
  assert.equal(huge.reads, 0);
  assert.equal(await ahead.read(huge), null);
  assert.equal(huge.reads, 0);
});

test('onRead hears of each chosen file once read, not of a replaced or unreadable one', async () => {
  const input = fileInput();
  const heard = [];
  const ahead = new FileReadAhead(input, { onRead: (bytes) => heard.push([...bytes]) });
  input.choose(countedFile([1]));
  const second = countedFile([2]);
  input.choose(second); // chosen before the first read finished: only the second is told
  await ahead.read(second);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const broken = countedFile([3], { fails: true });
  input.choose(broken);
  await ahead.read(broken);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(heard, [[2]]);
});
