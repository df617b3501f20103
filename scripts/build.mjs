// `npm run build`: compiles src/ to dist/ with tsconfig.build.json, then copies the data files the code reads.
// Empties dist/ first, so files deleted from src/ do not linger in the compiled output.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await import('./copy-assets.mjs');
