import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { BOT_EVENTS, BOT_SCOPES, SLASH_COMMAND } from '../../src/bots/slack/slack-app-facts.js';

const ManifestSchema = z.object({
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }),
    bot_user: z.object({ display_name: z.string().min(1) }),
    slash_commands: z.array(z.object({ command: z.string(), description: z.string(), usage_hint: z.string().optional(), should_escape: z.boolean() })),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.boolean() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const manifest = ManifestSchema.parse(parse(readFileSync(fileURLToPath(new URL('../../slack/manifest.yml', import.meta.url)), 'utf8')));
const sourceOf = (file: string) => readFileSync(fileURLToPath(new URL(`../../src/bots/slack/${file}`, import.meta.url)), 'utf8');

describe('slack/manifest.yml', () => {
  it('asks for exactly the scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('subscribes to exactly the events the app listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    const listeners = sourceOf('handle-messages.ts') + sourceOf('handle-app-home.ts') + sourceOf('handle-uninstall.ts');
    for (const event of BOT_EVENTS) expect(listeners).toContain(`app.event('${event.split('.')[0]}'`);
  });

  it('declares the one slash command, the Home tab, buttons and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    // Unescaped text: the app escapes everything itself and reads mentions as plain text.
    expect(manifest.features.slash_commands[0]!.should_escape).toBe(false);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
