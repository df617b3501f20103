import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** The workspace this app's token belongs to, filled from auth.test at start. */
export interface InstalledWorkspace {
  teamId?: string;
}

/** The reply a member of another workspace gets for a command. */
export const OTHER_WORKSPACE_TEXT = 'Strikewire is installed for another workspace, so it does not take commands from this one.';

interface TeamFields {
  team_id?: unknown;
  user_team?: unknown;
  team?: { id?: unknown } | null;
  user?: { team_id?: unknown } | string;
  event?: { team?: unknown; user_team?: unknown };
}

/** Every team id a payload names: the request's, and the acting user's (they differ in shared channels). */
export function teamIdsOf(body: unknown): string[] {
  const b = (body ?? {}) as TeamFields;
  const user = typeof b.user === 'object' ? b.user : undefined;
  const ids = [b.team_id, b.user_team, b.team?.id, user?.team_id, b.event?.team, b.event?.user_team];
  return ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/**
 * Global middleware that refuses requests from any workspace but the installed one: a payload naming no team, or
 * another team (for the request or its user), stops here. A command gets a polite private answer in its ack.
 */
export function refuseOtherWorkspaces(installed: InstalledWorkspace): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const ids = teamIdsOf(args.body);
    if (installed.teamId && ids.length > 0 && ids.every((id) => id === installed.teamId)) return args.next();
    args.logger.warn(`Refusing a request from workspace ${ids.join(', ') || '(none named)'}: not the installed workspace`);
    const ack = (args as { ack?: (response?: object) => Promise<void> }).ack;
    if (!ack) return;
    await ack('command' in args.body ? { response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT } : undefined);
  };
}
