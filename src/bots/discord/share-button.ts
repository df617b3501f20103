import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { CUSTOM_ID_MAX } from './discord-limits.js';

/** A command to re-run when someone shares its answer. */
export interface ShareTarget {
  name: string;
  args: string;
}

const PREFIX = 'strike-share';
const INLINE = `${PREFIX}:`;
const REMEMBERED = `${PREFIX}#`;
/** Long questions do not fit a custom_id; this many of them are remembered in memory instead. */
const REMEMBERED_MAX = 1000;

/** Recent share targets too long for a custom_id, oldest forgotten first. */
export class ShareMemory {
  private readonly targets = new Map<string, ShareTarget>();
  private next = 0;

  remember(target: ShareTarget): string {
    const key = (this.next++).toString(36);
    this.targets.set(key, target);
    if (this.targets.size > REMEMBERED_MAX) this.targets.delete(this.targets.keys().next().value!);
    return key;
  }

  recall(key: string): ShareTarget | undefined {
    return this.targets.get(key);
  }
}

/**
 * The custom_id of a Share button: "strike-share:<command>:<argument>" when it fits Discord's 100 characters, so
 * sharing works even after a restart; otherwise a key into memory.
 */
export function shareCustomId(target: ShareTarget, memory: ShareMemory): string {
  const inline = `${INLINE}${target.name}:${target.args}`;
  return inline.length <= CUSTOM_ID_MAX ? inline : `${REMEMBERED}${memory.remember(target)}`;
}

/** What a button's custom_id asks to share: a target, "expired" when memory lost it, or undefined if not ours. */
export function readShareCustomId(customId: string, memory: ShareMemory): ShareTarget | 'expired' | undefined {
  if (customId.startsWith(REMEMBERED)) return memory.recall(customId.slice(REMEMBERED.length)) ?? 'expired';
  if (!customId.startsWith(INLINE)) return undefined;
  const rest = customId.slice(INLINE.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? { name: rest, args: '' } : { name: rest.slice(0, colon), args: rest.slice(colon + 1) };
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
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Shared in channel', custom_id: `${PREFIX}-done`, disabled: true }],
  };
}
