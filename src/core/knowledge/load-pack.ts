import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { PACK_FILES, PackSchema, type Pack } from './schema.js';
import { PackError, formatPath, type PackProblem } from './pack-error.js';
import { checkCrossReferences } from './cross-refs.js';

type Section = keyof typeof PACK_FILES;

/** Reads one pack file; a missing optional file is an empty list. */
function readSection(dir: string, section: Section, problems: PackProblem[]): unknown {
  const file = PACK_FILES[section];
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (section === 'dispute' || section === 'sources' || section === 'parties') {
      problems.push({ file, path: '', problem: 'file is missing' });
    }
    return section === 'dispute' ? undefined : [];
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const at = lineCounter.linePos(err.pos[0]);
      problems.push({ file, path: `line ${at.line}, column ${at.col}`, problem: err.message.split('\n')[0] ?? 'YAML syntax error' });
    }
    return undefined;
  }
  return doc.toJS();
}

/** Loads and validates a knowledge pack from a folder of YAML files; throws PackError naming file, path and problem. */
export function loadPack(dir: string): Pack {
  const problems: PackProblem[] = [];
  const raw: Record<string, unknown> = {};
  for (const section of Object.keys(PACK_FILES) as Section[]) raw[section] = readSection(dir, section, problems);
  if (problems.length > 0) throw new PackError(problems);
  return validatePack(raw);
}

/** Validates an in-memory pack (used by loadPack, generated packs and stored updates). */
export function validatePack(raw: Record<string, unknown>): Pack {
  const parsed = PackSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PackError(
      parsed.error.issues.map((issue) => {
        const [section, ...rest] = issue.path;
        const file = PACK_FILES[section as Section] ?? String(section);
        return { file, path: formatPath(rest), problem: issue.message };
      }),
    );
  }
  const refProblems = checkCrossReferences(parsed.data);
  if (refProblems.length > 0) throw new PackError(refProblems);
  return parsed.data;
}
