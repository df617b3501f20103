import type { APIEmbed } from 'discord.js';

/** Discord's message and embed limits (developers/resources/message, "Embed Limits"); breaking one is a 400. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name, summed over every embed of one message. */
  charactersPerMessage: 6000,
} as const;

/** Autocomplete limits (developers/interactions/application-commands): 25 choices, 100 characters each. */
export const AUTOCOMPLETE_LIMITS = {
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** A button's custom_id carries at most 100 characters. */
export const CUSTOM_ID_MAX = 100;

/** Follow-ups one answer may use; Discord caps user-installed apps at 5, and a longer reply is shortened instead. */
export const MAX_MESSAGES_PER_REPLY = 5;

/** What the renderer produces for one Discord message; compatible with discord.js send/edit/reply options. */
export interface DiscordMessagePayload {
  content?: string;
  embeds: APIEmbed[];
}

/** Characters of one embed that count towards the 6,000 per message. */
export function embedCharacters(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Every Discord limit a payload breaks, in words; empty when Discord would accept it. */
export function limitViolations(payload: DiscordMessagePayload): string[] {
  const L = DISCORD_LIMITS;
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} has ${length} characters (max ${max})`);
  };
  if (payload.content !== undefined) over('content', payload.content.length, L.content);
  if (payload.embeds.length > L.embedsPerMessage) problems.push(`${payload.embeds.length} embeds (max ${L.embedsPerMessage})`);
  if (!payload.content && payload.embeds.length === 0) problems.push('message is empty');
  payload.embeds.forEach((e, i) => {
    if (e.title !== undefined) over(`embed ${i} title`, e.title.length, L.title);
    if (e.description !== undefined) over(`embed ${i} description`, e.description.length, L.description);
    if (e.description === '') problems.push(`embed ${i} has an empty description`);
    if (e.footer) over(`embed ${i} footer`, e.footer.text.length, L.footer);
    const fields = e.fields ?? [];
    if (fields.length > L.fieldsPerEmbed) problems.push(`embed ${i} has ${fields.length} fields (max ${L.fieldsPerEmbed})`);
    fields.forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, L.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, L.fieldValue);
      if (!f.name.trim() || !f.value.trim()) problems.push(`embed ${i} field ${j} is blank`);
    });
    if (!e.title && !e.description && fields.length === 0) problems.push(`embed ${i} is empty`);
  });
  over('embeds in total', payload.embeds.reduce((sum, e) => sum + embedCharacters(e), 0), L.charactersPerMessage);
  return problems;
}
