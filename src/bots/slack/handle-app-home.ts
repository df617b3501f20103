import type { App } from '@slack/bolt';
import { answerText } from './answer-text.js';
import { slackOrigin } from './origin.js';
import { renderHomeView } from './render-home-view.js';
import type { SlackDeps } from './slack-deps.js';
import { HomeOpenedEventSchema } from './slack-payloads.js';

/** Publishes the Home tab (status and proposals) whenever a user opens it, so it is never stale. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    const opened = HomeOpenedEventSchema.safeParse(event);
    // The Messages tab fires the same event; only the Home tab has a view to publish.
    if (!opened.success || (opened.data.tab !== undefined && opened.data.tab !== 'home')) return;
    const origin = slackOrigin({ client, userId: opened.data.user, admins: deps.admins, logger });
    const [status, proposals] = await Promise.all([
      answerText(deps.ctx, 'status', origin, logger),
      answerText(deps.ctx, 'proposals', origin, logger),
    ]);
    await client.views.publish({ user_id: opened.data.user, view: renderHomeView(status, proposals) });
  });
}
