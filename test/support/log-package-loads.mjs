// Preloaded into a child process by tests: prints every package the application itself imports, one
// "package-load <name>" line on stderr, so a test can tell which libraries a start-up path pulls in.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  const bare = !/^(\\.|\\/|file:|node:|data:)/.test(specifier);
  if (bare && !context.parentURL?.includes('/node_modules/')) {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    process.stderr.write('package-load ' + name + '\\n');
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
