import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema, parseEnv } from '../../src/env.js';

const EXAMPLE = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=(.*)$/;

/** Each NAME=value line of .env.example, with the comment line just above it. */
function documented(): { name: string; value: string; comment: string }[] {
  return EXAMPLE.flatMap((line, i) => {
    const match = ASSIGNMENT.exec(line);
    return match ? [{ name: match[1]!, value: match[2]!, comment: EXAMPLE[i - 1] ?? '' }] : [];
  });
}

describe('.env.example', () => {
  it('lists exactly the variables src/env.ts reads, each once', () => {
    const names = documented().map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(EnvSchema.shape).sort());
  });

  it('puts a comment line above every variable', () => {
    for (const { name, comment } of documented()) expect(comment, name).toMatch(/^# \S.{10,}/);
  });

  it('parses as it stands: copying it to .env starts the bot with its defaults', () => {
    const values = Object.fromEntries(documented().map((d) => [d.name, d.value]));
    expect(parseEnv(values)).toMatchObject({ PORT: 3000, DATABASE_PATH: './data/strikewire.db', LOG_FORMAT: 'json' });
  });
});
