import type { Logger, types, webApi } from '@slack/bolt';

/** Who opened the Home tab, and the client to look them up with. */
export interface HomeViewer {
  client: webApi.WebClient;
  userId: string;
  logger: Logger;
}

/**
 * Extra blocks at the top of one user's Home tab (the editors' section), or none. It runs beside the status and
 * proposals replies on every app_home_opened, so it must be cheap: no queries beyond a permission check.
 */
export type HomeSection = (viewer: HomeViewer) => Promise<types.KnownBlock[]>;
