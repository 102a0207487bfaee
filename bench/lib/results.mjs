// Shared by every benchmark: merges one benchmark's figures into build/bench/results.json under a
// stable key (qr_frame_720p, argon2id_unlock, cold_start, shipped_gzip_kb, otp_codes_per_second,
// large_vault...), with the machine and the date, so one report can be assembled from separate runs.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const benchDir = path.join(projectRoot, 'build', 'bench');
export const resultsPath = path.join(benchDir, 'results.json');

export function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function recordResult(key, value) {
  mkdirSync(benchDir, { recursive: true });
  let results = {};
  try {
    results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  } catch {
    // first benchmark of the run, or an unreadable file: start afresh
  }
  results[key] = { ...value, measured_at: new Date().toISOString() };
  results.machine = machine();
  const tmp = `${resultsPath}.tmp`;
  writeFileSync(tmp, JSON.stringify(results, null, 2) + '\n');
  renameSync(tmp, resultsPath);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/// Runs fn repeatedly for at least minMs (after warm-up) and returns per-call times in ms.
export async function timeRepeated(fn, { warmup = 3, minRuns = 10, minMs = 500 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}
