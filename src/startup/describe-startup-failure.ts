import { EnvError } from '../env.js';
import { PackError } from '../core/knowledge/pack-error.js';
import { StartupError } from './startup-error.js';

/** Any start-up failure as ONE line for stderr: what to fix and how, never a stack. */
export function describeStartupFailure(err: unknown): string {
  if (err instanceof StartupError || err instanceof EnvError) return oneLine(err.message);
  if (err instanceof PackError) {
    const [first, ...rest] = err.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'}, listed in the log)` : '';
    return oneLine(`KNOWLEDGE_PACK problem: ${first ? `${first.file} at ${first.path || '(top)'}: ${first.problem}` : 'unknown'}${more}. Fix the pack or point KNOWLEDGE_PACK at a pack folder.`);
  }
  if (err instanceof Error) return oneLine(`Strikewire could not start: ${err.message}`);
  return oneLine(`Strikewire could not start: ${String(err)}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
