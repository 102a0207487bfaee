// Reads a chosen file as soon as it is chosen, while the user types the password, so pressing the
// button does not wait for the disk: a backup of 1,000 accounts is about 470 KB, and reading it
// after the press took 20-80 ms in Chromium (bench/large_vault.mjs, restore -> first code).
// A file over the size cap is never read (file-size.js); one that cannot be read (moved, deleted,
// a permission lost) answers an error instead of throwing.
import { tooLarge } from './file-size.js';

export class FileReadAhead {
  #file = null;
  #reading = null; // Promise of {bytes} or {error}

  #onRead;

  /// Starts reading whenever `input` (an <input type=file>) gets a new file; `onRead(bytes)` is
  /// told of each file read that way (the restore screen rehearses the unlock with it).
  constructor(input, { onRead = null } = {}) {
    this.#onRead = onRead;
    input.addEventListener('change', () => {
      this.#start(input.files?.[0] ?? null);
      const reading = this.#reading;
      reading?.then((read) => {
        if (read.bytes && reading === this.#reading) this.#onRead?.(read.bytes);
      });
    });
  }

  /// {bytes: Uint8Array} or {error: {kind: 'unreadable_file'}} for `file`: the read already
  /// started when it is the file chosen, a new one otherwise.
  read(file) {
    if (file !== this.#file || !this.#reading) this.#start(file);
    return this.#reading;
  }

  /// Drops the bytes kept (after a restore, or when the screen goes).
  forget() {
    this.#file = null;
    this.#reading = null;
  }

  #start(file) {
    this.#file = file;
    this.#reading = file && !tooLarge(file) ? readBytes(file) : null;
  }
}

async function readBytes(file) {
  try {
    return { bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { error: { kind: 'unreadable_file' } };
  }
}
