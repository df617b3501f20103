import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { PatchProblem } from '../../core/patch/patch-problem.js';

/** Longest patch file read: a day's edits, not a whole archive. */
const MAX_PATCH_CHARS = 2_000_000;

/** Reads a patch file (YAML, or JSON by its .json extension); syntax errors name the line and column. */
export function readPatchFile(path: string): { ok: true; raw: unknown; name: string } | { ok: false; name: string; problems: PatchProblem[] } {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, name, problems: [{ path: '', problem: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }] };
  }
  if (text.length > MAX_PATCH_CHARS) return { ok: false, name, problems: [{ path: '', problem: `is longer than ${MAX_PATCH_CHARS} characters; split it into several patches` }] };
  if (!text.trim()) return { ok: false, name, problems: [{ path: '', problem: 'is empty' }] };
  if (extname(path).toLowerCase() === '.json') {
    try {
      return { ok: true, raw: JSON.parse(text), name };
    } catch (err) {
      return { ok: false, name, problems: [{ path: '', problem: `is not valid JSON: ${(err as Error).message}` }] };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ok: false, name, problems: doc.errors.map((e) => ({ path: `line ${lineCounter.linePos(e.pos[0]).line}, column ${lineCounter.linePos(e.pos[0]).col}`, problem: e.message.split('\n')[0] ?? 'YAML syntax error' })) };
  }
  return { ok: true, raw: doc.toJS({ maxAliasCount: 100 }), name };
}
