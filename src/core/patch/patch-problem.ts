/** One thing wrong with a patch, named by its path inside the patch ("proposals[0].stances[1].party"). */
export interface PatchProblem {
  path: string;
  problem: string;
}

/** Thrown when a patch cannot join the knowledge; names the file (when from one), and every problem with its path. */
export class PatchError extends Error {
  override readonly name = 'PatchError';

  constructor(
    readonly problems: PatchProblem[],
    readonly file?: string,
    /** The stored patch at fault, when the problem is with one already stored. */
    readonly patchId?: number,
  ) {
    super(`${file ?? (patchId === undefined ? 'The patch' : `Patch #${patchId}`)} was refused:\n${problems.map((p) => `  ${formatProblem(p, file)}`).join('\n')}`);
  }
}

/** "lifecycle.yaml: proposals[0].stances[1].party: unknown party "dga"". */
export function formatProblem(p: PatchProblem, file?: string): string {
  return `${file ? `${file}: ` : ''}${p.path || '(top)'}: ${p.problem}`;
}
