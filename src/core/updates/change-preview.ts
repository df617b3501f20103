import { STATUS_WORDS } from '../commands/status.js';
import { stanceLabel } from '../commands/stance-words.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { formatDay } from '../time/format-date.js';
import type { EditorUpdate } from './update-schema.js';

/** One thing an update would change, as an editor confirms it: what, and how it reads before and after. */
export interface ChangePreview {
  what: string;
  before: string;
  after: string;
}

/**
 * The stance and status changes an update would make, worked out against the current knowledge: these change
 * what every answer and digest says, so the editor sees before and after and confirms. Other updates add facts
 * without changing any, and need no confirmation.
 */
export function previewChanges(knowledge: Knowledge, update: EditorUpdate): ChangePreview[] {
  const changes: ChangePreview[] = [];
  if (update.stance) {
    const party = knowledge.nameOf(update.stance.party);
    for (const id of update.proposals) {
      const proposal = knowledge.proposals.get(id);
      if (!proposal) continue;
      const current = proposal.stances.find((s) => s.party === update.stance!.party);
      const newer = current !== undefined && current.since > update.date;
      changes.push({
        what: `${party} on ${proposal.name}`,
        before: current ? `${party} ${stanceLabel(current.stance)} (since ${formatDay(current.since)})` : `No stance recorded for ${party}`,
        after: newer
          ? `Unchanged: the stance since ${formatDay(current.since)} is newer; this goes into the history only`
          : `${party} ${stanceLabel(update.stance.stance)} (from ${formatDay(update.date)})`,
      });
    }
  }
  if (update.status) {
    const current = knowledge.currentStatus();
    changes.push({
      what: 'Status of the dispute',
      before: `${STATUS_WORDS[current.status]} (since ${formatDay(current.since)})`,
      after: current.since > update.date ? `Unchanged: the status since ${formatDay(current.since)} is newer` : `${STATUS_WORDS[update.status]} (from ${formatDay(update.date)})`,
    });
  }
  return changes;
}
