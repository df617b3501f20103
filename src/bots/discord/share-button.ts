import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { z } from 'zod';

/** A command to re-run when someone shares its answer; stored as the share token's payload. */
export const ShareTargetSchema = z.object({ name: z.string().min(1), args: z.string() });

/** A command to re-run when someone shares its answer. */
export type ShareTarget = z.infer<typeof ShareTargetSchema>;

const PREFIX = 'strike-share';
const DONE = `${PREFIX}-done`;
const TOKEN = `${PREFIX}#`;

/** The custom_id of a Share button: "strike-share#<token>", the token naming a stored, owned, expiring target. */
export function shareCustomId(token: string): string {
  return `${TOKEN}${token}`;
}

/**
 * The share token a button's custom_id carries; "unknown" for any other Share id (an old counter key or the
 * inline "strike-share:<command>" form of earlier versions, which no one owns); undefined if not a Share button.
 */
export function readShareCustomId(customId: string): { token: string } | 'unknown' | undefined {
  if (!customId.startsWith(PREFIX) || customId === DONE) return undefined;
  const token = customId.startsWith(TOKEN) ? customId.slice(TOKEN.length) : '';
  return /^[A-Za-z0-9_-]{16,64}$/.test(token) ? { token } : 'unknown';
}

/** Reads a stored payload back; undefined when it is not a target (it never should be). */
export function parseShareTarget(payload: string): ShareTarget | undefined {
  try {
    const parsed = ShareTargetSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The row holding the "Share in channel" button. */
export function shareButtonRow(customId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Share in channel', custom_id: customId }],
  };
}

/** The same row once shared: a disabled button saying so. */
export function sharedButtonRow(): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Shared in channel', custom_id: DONE, disabled: true }],
  };
}
