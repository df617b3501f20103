import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = fileURLToPath(new URL('../../src/core/', import.meta.url));
const PLATFORM_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](@slack\/[^'"]*|discord\.js|@discordjs\/[^'"]*|discord-api-types[^'"]*)['"]/;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js|mjs|cjs)$/.test(name)) yield path;
  }
}

describe('src/core stays platform-neutral', () => {
  it('has source files to check', () => {
    expect([...sourceFiles(coreDir)].length).toBeGreaterThan(10);
  });

  it('imports no Slack or Discord library anywhere', () => {
    const offenders = [...sourceFiles(coreDir)].filter((f) => PLATFORM_IMPORT.test(readFileSync(f, 'utf8'))).map((f) => relative(coreDir, f));
    expect(offenders).toEqual([]);
  });

  it('the check itself catches such an import', () => {
    expect(PLATFORM_IMPORT.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM_IMPORT.test("const { Client } = await import('discord.js');")).toBe(true);
    expect(PLATFORM_IMPORT.test("import { z } from 'zod';")).toBe(false);
  });
});
