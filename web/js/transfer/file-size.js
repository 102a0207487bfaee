// The largest file the page reads for an import or a restore. Real exports are kilobytes (a vault of
// 1000 accounts is under 1 MiB); the core refuses larger input too (error kind 'too_large'), but the
// page checks File.size first so a huge file is never even read into memory.
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/// True when `file` (anything with a numeric size) is too large to import or restore.
export function tooLarge(file) {
  return Number(file?.size) > MAX_IMPORT_BYTES;
}
