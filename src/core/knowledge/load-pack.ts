import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_FILES, PackSchema, type Pack } from './schema.js';
import { PackError, formatPath, type PackProblem } from './pack-error.js';
import { checkCrossReferences } from './cross-refs.js';
import { readYamlFile } from './read-yaml-file.js';

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
  const read = readYamlFile(path);
  if (read.ok) return read.value;
  for (const err of read.errors) problems.push({ file, path: `line ${err.line}, column ${err.col}`, problem: err.message });
  return undefined;
}

/** Why a folder cannot be a pack (missing, not a folder, none of the pack files), so the report names the folder. */
function checkPackFolder(dir: string): string | undefined {
  if (!existsSync(dir)) return 'folder does not exist';
  if (!statSync(dir).isDirectory()) return 'is a file, not a folder of pack files';
  const files = Object.values(PACK_FILES);
  if (!files.some((file) => existsSync(join(dir, file)))) return `is not a knowledge pack: it has none of ${files.join(', ')}`;
  return undefined;
}

/** Loads and validates a knowledge pack from a folder of YAML files; throws PackError naming file, path and problem. */
export function loadPack(dir: string): Pack {
  const folderProblem = checkPackFolder(dir);
  if (folderProblem) throw new PackError([{ file: dir, path: '', problem: folderProblem }]);
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
