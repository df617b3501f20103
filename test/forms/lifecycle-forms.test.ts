import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { registerEditorForms } from '../../src/bots/slack/handle-editor-forms.js';
import { FORM_CONFIRM_ID, FORM_VIEW_ID } from '../../src/bots/slack/form-modal-view.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { parseCommandText, runParsed } from '../../src/core/commands/registry.js';
import { contextFromPack } from '../../src/core/create-context.js';
import type { FormValues } from '../../src/core/forms/form-model.js';
import { FORMS } from '../../src/core/forms/form-registry.js';
import { formContext } from '../../src/core/forms/form-submit.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import { openFormService } from '../../src/editors/form-service.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { viewSubmission } from '../editors/slack-editor-payloads.js';
import { startHttpHarness, type HttpHarness } from '../slack/harness.js';
import { formViewState } from './slack-form-payloads.js';

// A fictional ferry dispute (test/fixtures/forms-lifecycle), moved from talks to ratification through the forms.
const FICTION = loadPack(fileURLToPath(new URL('../fixtures/forms-lifecycle', import.meta.url)));

interface World {
  h: HttpHarness;
  db: Store;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
  ctx: CommandContext;
  setNow(iso: string): void;
}

let world: World | undefined;
afterEach(async () => {
  await world?.h.close();
  await world?.drop();
  world = undefined;
});

async function start(): Promise<World> {
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  let now = new Date('2024-03-11T09:00:00Z');
  const clock = () => now;
  const editors = openEditorService(db, { pack: FICTION, clock, log: () => undefined });
  const forms = openFormService(db, editors);
  const ctx = contextFromPack(FICTION, { clock, extensions: [...editors.commands, ...forms.commands] });
  await editors.desk.reload(ctx);
  const deps = { ctx, desk: forms.desk, editorCheck: createSlackEditorCheck(['U0EDITOR'], { clock }), admins: [], claims: forms.claims };
  const h = await startHttpHarness({ ctx, app: { extend: (app) => registerEditorForms(app, deps) } });
  return { h, db, drop: opened.close, ctx, setNow: (iso) => void (now = new Date(iso)) };
}

let n = 0;
type View = { callback_id: string; private_metadata: string; blocks: unknown[] };

async function submit(w: World, callbackId: string, meta: string, values?: Record<string, unknown>) {
  const res = await w.h.driver.interaction(viewSubmission({ userId: 'U0EDITOR', callbackId, privateMetadata: meta, ...(values ? { values } : {}) }));
  expect(res.status).toBe(200);
  return (await res.json()) as { response_action: string; errors?: Record<string, string>; view?: View };
}

/** Opens a form with /strike <text>, fills it in, checks the before/after, confirms; returns the result's text. */
async function viaForm(w: World, text: string, form: keyof typeof FORMS, values: FormValues, expectChange: string): Promise<string> {
  const before = w.h.fake.callsTo('views.open').length;
  await w.h.driver.command(slashCommand({ text, userId: 'U0EDITOR', responseUrl: w.h.fake.responseUrl(`l${++n}`) }));
  const view = (await w.h.fake.waitForCall('views.open', undefined, before + 1)).body.view as View;
  expect(view.callback_id).toBe(FORM_VIEW_ID);
  const state = formViewState(FORMS[form].fields(formContext(w.ctx)), values);
  const answer = await submit(w, FORM_VIEW_ID, view.private_metadata, state);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.view!.callback_id).toBe(FORM_CONFIRM_ID);
  expect(JSON.stringify(answer.view!.blocks), JSON.stringify(answer.view!.blocks)).toContain(expectChange);
  const result = await submit(w, FORM_CONFIRM_ID, answer.view!.private_metadata);
  const shown = JSON.stringify(result.view!.blocks);
  expect(shown).toMatch(/Update #\d+ saved/);
  return shown;
}

async function say(w: World, text: string): Promise<string> {
  const parsed = parseCommandText(w.ctx, text);
  return (await runParsed(w.ctx, parsed, { platform: 'shell' })).fallbackText;
}

const BULLETIN = (title: string, date: string): FormValues => ({ 'source.outlet': 'Bay Bulletin', 'source.title': title, 'source.kind': 'press', 'source.date': date });

describe('a fictional dispute through the Slack forms, from talks to ratification', () => {
  it('status, proposals, proposal and who tell the current truth after every step', async () => {
    world = await start();
    const w = world;
    expect(await say(w, 'status')).toContain('In negotiations');

    await viaForm(w, 'update', 'update', {
      title: 'Ferry crews walk out',
      what: 'Crews tied up the boats at dawn after the authority turned down fixed rest breaks.',
      date: '2024-03-10', place: 'the central pier', time: 'dawn', participants: ['hfwu', 'mara-quill'],
      status: 'strike', 'stance1.party': 'hcfa', 'stance1.stance': 'rejects', 'stance1.proposals': ['rest-breaks'],
      'quote1.speaker': 'mara-quill', 'quote1.text': 'Tired crews are not safe crews.',
      ...BULLETIN('Ferry crews strike over rest breaks', '2024-03-10'),
    }, 'strike');
    expect(await say(w, 'status')).toContain('On strike');
    expect(await say(w, 'proposal rest breaks')).toMatch(/Ferry Authority rejects/);

    w.setNow('2024-03-20T09:00:00Z');
    await viaForm(w, 'new proposal', 'new-proposal', {
      name: 'Shorter shifts', aliases: 'shift length', summary: 'The union wants no shift longer than ten hours on the water.',
      proposedBy: 'hfwu', proposerStance: 'demands', 'other.party': 'hcfa', 'other.stance': 'objects', 'other.detail': 'The authority says shorter shifts need more crews than it has.',
      date: '2024-03-19', ...BULLETIN('Union adds shift length to its demands', '2024-03-19'),
    }, 'Shorter shifts');
    expect(await say(w, 'proposals')).toContain('Shorter shifts');

    await viaForm(w, 'new person', 'new-person', { name: 'Theo Brandt', party: 'hcfa', role: 'General manager of the authority', ...BULLETIN('Authority names its bargaining lead', '2024-03-18') }, 'Theo Brandt');
    await viaForm(w, 'new party', 'new-party', { name: 'Harbor Mediation Service', shortName: 'HMS', kind: 'government', side: 'neither', description: 'A city office that brings the sides together when talks stall.', ...BULLETIN('City sends a mediator to the ferry talks', '2024-03-20') }, 'Harbor Mediation Service');
    expect(await say(w, 'who Theo Brandt')).toContain('General manager of the authority');
    expect(await say(w, 'who Harbor Mediation Service')).toContain('A city office that brings the sides together');

    w.setNow('2024-04-21T09:00:00Z');
    await viaForm(w, 'update', 'update', {
      title: 'Tentative deal reached', what: 'After a twelve-hour session with the mediator the sides agreed on a deal, subject to a member vote.',
      date: '2024-04-20', duration: 'twelve hours', participants: ['hfwu', 'hcfa', 'hms', 'theo-brandt'], status: 'tentative-agreement', flags: ['contact'],
      ...BULLETIN('Ferry talks end in a tentative deal', '2024-04-20'),
    }, 'Tentative agreement');
    expect(await say(w, 'status')).toContain('Tentative agreement');

    await viaForm(w, 'settle rest breaks', 'settle', { proposal: 'rest-breaks', status: 'agreed', outcome: 'Crews get twenty minutes ashore after every two crossings.', date: '2024-04-20', ...BULLETIN('Ferry talks end in a tentative deal', '2024-04-20') }, 'agreed');
    await viaForm(w, 'settle shorter shifts', 'settle', { proposal: 'shorter-shifts', status: 'withdrawn', outcome: 'Left out of the deal; the union will raise it in the next contract.', date: '2024-04-20', ...BULLETIN('Ferry talks end in a tentative deal', '2024-04-20') }, 'withdrawn');
    expect(await say(w, 'proposal rest breaks')).toContain('twenty minutes ashore');
    expect(await say(w, 'proposal shorter shifts')).toMatch(/withdrawn/i);

    w.setNow('2024-04-23T09:00:00Z');
    await viaForm(w, 'update', 'update', { title: 'Boats run again', what: 'Crews went back to work while members vote on the deal.', date: '2024-04-22', status: 'strike-ended', ...BULLETIN('Ferries back in service', '2024-04-22') }, 'Strike over, ratification pending');
    const ended = await say(w, 'status');
    expect(ended).toContain('Strike ended April 22, 2024 after 43 days');
    expect(ended).toContain('None: every proposal has been settled or withdrawn.');
    expect(ended).toContain('Agreed April 20: Crews get twenty minutes ashore after every two crossings');

    w.setNow('2024-05-02T09:00:00Z');
    await viaForm(w, 'update', 'update', { title: 'Members ratify the contract', what: 'Members voted to accept the three-year contract.', date: '2024-05-01', status: 'ratified', 'contract.from': '2024-05-01', 'contract.to': '2027-04-30', ...BULLETIN('Ferry crews approve their contract', '2024-05-01') }, 'ratified');
    const status = await say(w, 'status');
    expect(status, status).toMatch(/ratified/i);
    expect(status, status).toContain('2027');
    // Outcomes added through forms are facts ask can cite, without any keywords; "what did the deal give crews" gets
    // the outcome even though the walkout's title shares "crews" with it.
    for (const q of ['what was agreed on rest breaks?', 'was anything settled on rest breaks?', 'how were rest breaks settled?', 'what did the deal give crews on rest breaks?']) {
      const settled = await say(w, `ask ${q}`);
      expect(settled, settled).toContain('twenty minutes ashore');
    }
    // The contract term recorded through the update form answers when the contract ends.
    const term = await say(w, 'ask when does the new contract end?');
    expect(term, term).toContain('The new contract runs from May 1, 2024 to April 30, 2027.');
    const who = await say(w, 'ask who is Theo Brandt?');
    expect(who, who).toContain('General manager of the authority');
    expect(await w.db.db.selectFrom('updates').select('id').where('kind', '=', 'patch').where('author', '=', 'slack:U0EDITOR').execute()).toHaveLength(9);
  });
});
