// Copies the files the compiled code reads at run time (knowledge packs, ask lexicons) from src/ to dist/, so dist/
// runs on its own: src/content/packs.ts and src/core/ask/general-words.ts find them beside their module.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

cpSync('src', 'dist', { recursive: true, filter: (from) => statSync(from).isDirectory() || !from.endsWith('.ts') });

// Shipped YAML is also written as JSON beside it: parsing YAML was most of a cold start (see read-yaml-file.ts).
for (const entry of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
  if (!entry.endsWith('.yaml')) continue;
  const file = join('dist', entry);
  writeFileSync(`${file}.json`, JSON.stringify(parse(readFileSync(file, 'utf8'))));
}
