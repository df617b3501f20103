import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';

/** The workspace this app's token belongs to, filled from auth.test at start. */
export interface InstalledWorkspace {
  teamId?: string;
}

/** The reply a member of another workspace gets for a command. */
export const OTHER_WORKSPACE_TEXT = 'Strikewire is installed for another workspace, so it does not take commands from this one.';
/** The reply in OAuth mode for a command from a workspace that has not installed the app (or has removed it). */
export const NOT_INSTALLED_TEXT = 'Strikewire is not installed in this workspace, so it does not take commands here yet. A workspace admin can add it from the install link the bot’s operator shares.';

/** Events Slack sends after the app lost its token in a workspace: they carry no usable authorization, by design. */
export const LIFECYCLE_EVENTS: ReadonlySet<string> = new Set(['app_uninstalled', 'tokens_revoked']);

/** Which workspaces may use the app, and what a refused command is told. */
export interface WorkspacePolicy {
  accepts(teamIds: readonly string[], context: Context, body: unknown): Promise<boolean>;
  refusal: string;
}

/** Single-workspace mode: only the team of SLACK_BOT_TOKEN, for the request and its user. */
export function onlyInstalledTeam(installed: InstalledWorkspace): WorkspacePolicy {
  return {
    refusal: OTHER_WORKSPACE_TEXT,
    accepts: async (ids) => Boolean(installed.teamId) && ids.length > 0 && ids.every((id) => id === installed.teamId),
  };
}

/**
 * OAuth mode: a request is accepted when authorize found its workspace's installation (a bot token in the context),
 * and every other team it names (a shared channel's guest user) is installed too. An org-wide install covers every
 * workspace of its enterprise. Uninstall and revocation events come through so the installation can be removed.
 */
export function anyInstalledTeam(isInstalled: (teamId: string) => Promise<boolean>): WorkspacePolicy {
  return {
    refusal: NOT_INSTALLED_TEXT,
    async accepts(ids, context, body) {
      const event = (body as { event?: { type?: unknown } }).event;
      if (typeof event?.type === 'string' && LIFECYCLE_EVENTS.has(event.type)) return ids.length > 0;
      if (!context.botToken || ids.length === 0) return false;
      if (context.isEnterpriseInstall) return true;
      for (const id of new Set(ids)) if (id !== context.teamId && !(await isInstalled(id))) return false;
      return true;
    },
  };
}

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
 * Global middleware that refuses requests from workspaces the policy does not accept: a payload naming no team, or
 * a team that is not installed (for the request or its user), stops here. A command gets a polite private answer in
 * its ack.
 */
export function refuseOtherWorkspaces(policy: WorkspacePolicy): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const ids = teamIdsOf(args.body);
    if (await policy.accepts(ids, args.context, args.body)) return args.next();
    args.logger.warn(`Refusing a request from workspace ${ids.join(', ') || '(none named)'}: not an installed workspace`);
    const ack = (args as { ack?: (response?: object) => Promise<void> }).ack;
    if (!ack) return;
    await ack('command' in args.body ? { response_type: 'ephemeral', text: policy.refusal } : undefined);
  };
}
