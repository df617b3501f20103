/** One problem found in a knowledge pack: which file, where inside it, and what is wrong. */
export interface PackProblem {
  file: string;
  path: string;
  problem: string;
}

/** Thrown when a pack cannot be loaded; its message lists every problem found, one per line. */
export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(
      `The knowledge pack has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file} at ${p.path || '(top)'}: ${p.problem}`).join('\n'),
    );
    this.name = 'PackError';
  }
}

/** Formats a zod/YAML issue path the way an editor reads it: proposals[2].stances[0].party */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
