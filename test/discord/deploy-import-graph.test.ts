import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEPLOY = resolve(ROOT, 'src/bots/discord/deploy-commands.ts');

/** Every module the file reaches through static and dynamic imports: repository files (relative paths) and packages. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    // preProcessFile lists `import … from`, `export … from` and `import()` alike, without type-checking.
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.add(fileName);
        continue;
      }
      const target = resolve(dirname(file), fileName.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${relative(ROOT, file)} imports ${fileName}, which does not resolve`);
      pending.push(target);
    }
  }
  return { files: new Set([...files].map((f) => relative(ROOT, f))), packages };
}

describe('npm run discord:deploy module graph', () => {
  const graph = importGraph(DEPLOY);

  it('builds the command definitions from the Discord adapter and the core alone', () => {
    // The walk itself works: it reaches the definitions and the core they are built from.
    expect(graph.files).toContain('src/bots/discord/command-definitions.ts');
    expect(graph.files).toContain('src/core/create-context.ts');
    const outside = [...graph.files].filter((f) => !/^src\/(bots\/discord|core|content|log)\//.test(f) && f !== 'src/env.ts');
    expect(outside).toEqual([]);
  });

  it('imports nothing from src/bots/slack or src/scheduler, nor Slack, cron or the database', () => {
    expect([...graph.files].filter((f) => f.startsWith('src/bots/slack/') || f.startsWith('src/scheduler/') || f.startsWith('src/store/'))).toEqual([]);
    expect([...graph.packages].filter((p) => p.startsWith('@slack/') || p === 'node-cron' || p === 'better-sqlite3')).toEqual([]);
  });
});
