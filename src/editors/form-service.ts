import type { CommandSpec } from '../core/commands/command-spec.js';
import { createFormCommands } from '../core/forms/form-commands.js';
import { FormDesk } from '../core/forms/form-desk.js';
import type { HeldPatches } from '../core/forms/held-patches.js';
import { InteractionClaims } from '../store/interaction-claims.js';
import type { Store } from '../store/open-store.js';
import type { EditorService } from './editor-service.js';

/** What the Slack and Discord forms are wired with. */
export interface FormService {
  desk: FormDesk;
  /** `new` and `settle`, to register as core extensions beside the editor commands. */
  commands: CommandSpec[];
  /** The one place both adapters key their replayed submissions on. */
  claims: InteractionClaims;
}

/**
 * The forms over the editors' desk: patches go through the service's PatchDesk (with its digest publisher), as `desk apply`
 * does. `held` keeps patches awaiting Confirm (StoredHeldPatches for replicas); this process's memory without it.
 */
export function openFormService(store: Store, editors: EditorService, held?: HeldPatches): FormService {
  const desk = new FormDesk(editors.desk, editors.patches, held);
  return { desk, commands: createFormCommands(desk), claims: new InteractionClaims(store) };
}
