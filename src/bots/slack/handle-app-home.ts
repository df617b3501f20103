import type { App, types } from '@slack/bolt';
import { answerText } from './answer-text.js';
import type { HomeViewer } from './home-section.js';
import { slackOrigin } from './origin.js';
import { renderHomeView } from './render-home-view.js';
import type { SlackDeps } from './slack-deps.js';
import { HomeOpenedEventSchema } from './slack-payloads.js';

/** The extra section for this viewer; a failure leaves it out (for the editors' section, the safe answer). */
async function sectionFor(deps: SlackDeps, viewer: HomeViewer): Promise<types.KnownBlock[]> {
  if (!deps.homeSection) return [];
  try {
    return await deps.homeSection(viewer);
  } catch (err) {
    viewer.logger.warn(`The Home tab was published without its extra section: ${(err as Error).message}`);
    return [];
  }
}

/** Publishes the Home tab (status and proposals, and any extra section) whenever a user opens it, so it is never stale. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    const opened = HomeOpenedEventSchema.safeParse(event);
    // The Messages tab fires the same event; only the Home tab has a view to publish.
    if (!opened.success || (opened.data.tab !== undefined && opened.data.tab !== 'home')) return;
    const origin = slackOrigin({ client, userId: opened.data.user, admins: deps.admins, logger });
    const [status, proposals, section] = await Promise.all([
      answerText(deps.ctx, 'status', origin, logger),
      answerText(deps.ctx, 'proposals', origin, logger),
      sectionFor(deps, { client, userId: opened.data.user, logger }),
    ]);
    await client.views.publish({ user_id: opened.data.user, view: renderHomeView(status, proposals, section) });
  });
}
