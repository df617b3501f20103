/** One thing wrong with a submitted update, named by its field ("source.outlet", "proposals[0]", "date"). */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** Thrown when an update cannot join the knowledge; names the update (when stored) and every field at fault. */
export class UpdateError extends Error {
  override readonly name = 'UpdateError';

  constructor(
    readonly updateId: number | undefined,
    readonly problems: FieldProblem[],
  ) {
    super(`${updateId === undefined ? 'The update' : `Update #${updateId}`} was refused: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`);
  }
}

/** The first problem of each field: an editor fixes a field at a time, and one message per field reads clearer. */
export function uniqueProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.field)) return false;
    seen.add(p.field);
    return true;
  });
}
