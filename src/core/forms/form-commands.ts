import type { CommandSpec } from '../commands/command-spec.js';
import { noteReply } from '../updates/editor-replies.js';
import type { PatchDeskPort } from './form-submit.js';

// Without a platform form (the shell, or an adapter that does not intercept), the form commands explain themselves.
const FORM_ONLY = 'This opens a form: run it as /strike in Slack or Discord. From the command line, write the change as a patch and run npm run cli -- desk apply <file>.';

/**
 * `/strike new proposal|person|party` and `/strike settle [proposal]`: the adapters intercept them to open their
 * forms; anywhere else they check who is asking and say where the form is.
 */
export function createFormCommands(desk: Pick<PatchDeskPort, 'authorize'>): CommandSpec[] {
  return [
    {
      name: 'new',
      arg: { name: 'kind', description: 'proposal, person or party', required: true },
      summary: 'Editors: add a new proposal, person or party (opens a form).',
      example: '/strike new person',
      run: async (ctx, _args, origin) => (await desk.authorize(ctx, origin, 'form new')) ?? noteReply(ctx, 'Forms open in chat', FORM_ONLY),
    },
    {
      name: 'settle',
      arg: { name: 'name', description: 'Optional: the proposal that was agreed or withdrawn', required: false },
      summary: 'Editors: record that a proposal was agreed or withdrawn, with its outcome (opens a form).',
      example: '/strike settle mini rooms',
      run: async (ctx, _args, origin) => (await desk.authorize(ctx, origin, 'form settle')) ?? noteReply(ctx, 'Forms open in chat', FORM_ONLY),
    },
  ];
}
