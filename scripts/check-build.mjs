// `prestart`: a missing build is one clear line, not a module-not-found stack. Needs no dev dependency.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/main.js', import.meta.url))) {
  process.stderr.write('dist/ is missing: run `npm run build` first (it needs the dev dependencies: `npm ci`).\n');
  process.exit(1);
}
