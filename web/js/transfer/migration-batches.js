// Collects the QR codes of one Google Authenticator export: each otpauth-migration:// code says
// "batch i of n" of export id X. Accounts are kept per part until every part was read (or the user
// imports what they have); `missing` lists the part numbers (1-based) still to scan.
export class MigrationBatches {
  #exports = new Map(); // batchId -> {size, parts: Map(index -> accounts)}

  /// result: an importText/importFile result with `migration`. Returns false for a part seen before.
  add(result) {
    const { batchId, batchIndex, batchSize } = result.migration;
    if (!this.#exports.has(batchId)) this.#exports.set(batchId, { size: Math.max(1, batchSize), parts: new Map() });
    const batch = this.#exports.get(batchId);
    if (batch.parts.has(batchIndex)) return false;
    batch.parts.set(batchIndex, { accounts: result.accounts, problems: result.problems });
    return true;
  }

  get missing() {
    const missing = [];
    for (const { size, parts } of this.#exports.values()) {
      for (let index = 0; index < size; index++) if (!parts.has(index)) missing.push(index + 1);
    }
    return missing;
  }

  get partsRead() {
    let count = 0;
    for (const { parts } of this.#exports.values()) count += parts.size;
    return count;
  }

  get partsTotal() {
    let count = 0;
    for (const { size } of this.#exports.values()) count += size;
    return count;
  }

  /// Every account read so far, in part order, and the problems with indexes into that list.
  collected() {
    const accounts = [];
    const problems = [];
    for (const { parts } of this.#exports.values()) {
      for (const index of [...parts.keys()].sort((a, b) => a - b)) {
        const part = parts.get(index);
        for (const problem of part.problems ?? []) problems.push({ ...problem, part: index + 1 });
        accounts.push(...part.accounts);
      }
    }
    return { accounts, problems };
  }

  clear() {
    this.#exports.clear();
  }
}
