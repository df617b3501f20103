import type Database from 'better-sqlite3';
import type { CommandSpec } from '../core/commands/command-spec.js';
import { createFormCommands } from '../core/forms/form-commands.js';
import { FormDesk } from '../core/forms/form-desk.js';
import { PatchDesk } from '../core/patch/patch-desk.js';
import { InteractionClaims } from '../store/interaction-claims.js';
import { updateStorePort } from '../store/update-store.js';
import type { EditorService } from './editor-service.js';

/** What the Slack and Discord forms are wired with. */
export interface FormService {
  desk: FormDesk;
  /** `new` and `settle`, to register as core extensions beside the editor commands. */
  commands: CommandSpec[];
  /** The one place both adapters key their replayed submissions on. */
  claims: InteractionClaims;
}

/** The forms over the editors' desk and store: patches go through the same PatchDesk as `desk apply`. */
export function openFormService(db: Database.Database, editors: EditorService): FormService {
  const desk = new FormDesk(editors.desk, new PatchDesk(editors.desk, updateStorePort(editors.store)));
  return { desk, commands: createFormCommands(desk), claims: new InteractionClaims(db) };
}
