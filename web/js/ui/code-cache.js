// The codes of every TOTP/Steam account for the period they belong to, as the last vaultCodes call
// gave them. A code holds for its whole period, so the page asks the worker again only when a period
// it shows has ended (every account of a period at once, e.g. every 30 s), not every second, and
// a row scrolled into view shows its code without waiting for the worker. No DOM here.
export class CodeCache {
  #codes = new Map(); // id -> {code, nextCode, period, counter}

  /// codes: vaultCodes(unixSeconds).codes; HOTP items (code null) are not kept.
  store(unixSeconds, codes) {
    for (const { id, code, nextCode, period } of codes) {
      if (code === null || code === undefined || !period) continue;
      this.#codes.set(id, { code, nextCode, period, counter: Math.floor(unixSeconds / period) });
    }
  }

  /// {code, nextCode, secondsRemaining, period} at unixSeconds, or null when the cached code is for
  /// another period (or there is none).
  at(id, unixSeconds) {
    const cached = this.#codes.get(id);
    if (!cached || Math.floor(unixSeconds / cached.period) !== cached.counter) return null;
    const { code, nextCode, period } = cached;
    return { code, nextCode, period, secondsRemaining: period - (unixSeconds % period) };
  }

  clear() {
    this.#codes.clear();
  }
}
