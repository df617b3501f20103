import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PACK_FILES, type Pack } from '../../core/knowledge/schema.js';

/**
 * Writes knowledge as a pack folder that loads as KNOWLEDGE_PACK: one YAML file per section, provenance kept so
 * unverified entries stay labelled. The folder must be absent or empty, so nothing is ever overwritten.
 */
export function exportPack(pack: Pack, dir: string): { ok: true; files: string[] } | { ok: false; problem: string } {
  if (existsSync(dir)) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return { ok: false, problem: `${dir} exists and is not a folder; name an absent or empty folder.` };
    }
    if (entries.length > 0) return { ok: false, problem: `${dir} is not empty; name an absent or empty folder so nothing is overwritten.` };
  }
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [section, file] of Object.entries(PACK_FILES) as [keyof Pack, string][]) {
    writeFileSync(join(dir, file), stringify(pack[section], { lineWidth: 0 }), { flag: 'wx' });
    files.push(file);
  }
  return { ok: true, files };
}
