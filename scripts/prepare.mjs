// Runs on `npm install` / `npm ci`: builds dist/ when the dev tools are installed, so the README's
// `npm install && npm start` works on a fresh clone. A production install (`--omit=dev`) has no TypeScript: it
// keeps the dist/ it was given (the container build copies it in) and says how to get one when there is none.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let hasTypeScript = true;
try {
  require.resolve('typescript/bin/tsc');
} catch {
  hasTypeScript = false;
}
if (hasTypeScript) await import('./build.mjs');
else if (!existsSync('dist/main.js')) console.log('strikewire: no dist/ and no dev dependencies; run `npm ci && npm run build` to build.');
