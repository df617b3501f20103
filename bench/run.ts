import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

/** A benchmark suite: runs, prints its own figures, and returns when done. */
export interface BenchSuite {
  name: string;
  run(): Promise<void>;
}

// Every bench/*.bench.ts default-exports a BenchSuite; `npm run bench -- slack` runs only matching suites.
const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const suite = ((await import(pathToFileURL(join(dir, file)).href)) as { default: BenchSuite }).default;
  if (filter && !suite.name.includes(filter)) continue;
  console.log(`\n## ${suite.name}`);
  await suite.run();
}
