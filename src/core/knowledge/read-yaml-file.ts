import { existsSync, readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';

/** A YAML file's content, or its syntax errors located by line and column. */
export type YamlRead = { ok: true; value: unknown } | { ok: false; errors: { line: number; col: number; message: string }[] };

/**
 * Reads a YAML file. The build writes `<file>.json` beside each shipped YAML file: parsing YAML costs most of a cold
 * start, so the JSON is used when it is at least as new as the YAML (an edited YAML file is always read itself).
 */
export function readYamlFile(path: string): YamlRead {
  const compiled = `${path}.json`;
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(path).mtimeMs) {
    return { ok: true, value: JSON.parse(readFileSync(compiled, 'utf8')) as unknown };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: false, lineCounter });
  if (doc.errors.length === 0) return { ok: true, value: doc.toJS() as unknown };
  return {
    ok: false,
    errors: doc.errors.map((err) => ({ ...lineCounter.linePos(err.pos[0]), message: err.message.split('\n')[0] ?? 'YAML syntax error' })),
  };
}
