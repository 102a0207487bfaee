// Page side of the worker protocol: call(action, ...args) sends {id, action, args} and resolves with
// the binding's plain object, or {error: {kind, field, message}} for every failure, so callers
// handle one shape. terminate() cancels a hung job by killing the worker; the next call starts a
// fresh one. `url` is a TrustedScriptURL from app/script-urls.js (the CSP requires one).
export class WorkerMessenger {
  #url;
  #worker = null;
  #pending = new Map();
  #nextId = 1;

  constructor(url) {
    this.#url = url;
  }

  #start() {
    const worker = new Worker(this.#url, { type: 'module' });
    worker.addEventListener('message', ({ data }) => {
      const pending = this.#pending.get(data?.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      pending.resolve(data.error ? { error: data.error } : data.result);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#failAll({ kind: 'worker_failed', field: '', message: 'the background worker stopped' });
      this.#worker = null;
    });
    this.#worker = worker;
  }

  #failAll(error) {
    for (const { resolve } of this.#pending.values()) resolve({ error });
    this.#pending.clear();
  }

  get busy() {
    return this.#pending.size > 0;
  }

  call(action, ...args) {
    return this.callTransferring(action, args, []);
  }

  callTransferring(action, args, transfer) {
    if (!this.#worker) this.#start();
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve });
      this.#worker.postMessage({ id, action, args }, transfer);
    });
  }

  terminate() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#failAll({ kind: 'cancelled', field: '', message: 'cancelled' });
  }
}
