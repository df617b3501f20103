import { sql } from 'kysely';
import { oneOf, type Migration } from './migration.js';

/** Migrations 6 onwards: patches, counted refusals, private evidence, leases, Slack installations, form memos. */
export const LATER_MIGRATIONS: readonly Migration[] = [
  {
    version: 6,
    name: 'patches beside form updates: what kind of content each stored row holds',
    async up(db) {
      await db.schema
        .alterTable('updates')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('update').check(oneOf('kind', ['update', 'patch'])))
        .execute();
    },
  },
  {
    version: 7,
    name: 'refused edit attempts: one counted row per user per day, pruned by age',
    async up(db) {
      await db.schema.alterTable('edit_attempts').addColumn('day', 'text').execute();
      await db.schema.alterTable('edit_attempts').addColumn('count', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await sql`UPDATE edit_attempts SET day = substr(at, 1, 10)`.execute(db);
      // Fold the refusals already logged into one row per user per day before the unique index can hold.
      await sql`UPDATE edit_attempts SET count = (
          SELECT COUNT(*) FROM edit_attempts o
          WHERE o.allowed = 0 AND o.platform = edit_attempts.platform AND o.user_id = edit_attempts.user_id AND o.day = edit_attempts.day
        ) WHERE allowed = 0 AND user_id IS NOT NULL`.execute(db);
      await sql`DELETE FROM edit_attempts WHERE allowed = 0 AND user_id IS NOT NULL AND id NOT IN (
          SELECT MAX(id) FROM edit_attempts WHERE allowed = 0 AND user_id IS NOT NULL GROUP BY platform, user_id, day
        )`.execute(db);
      await db.schema
        .createIndex('edit_attempts_refused_per_user_day')
        .unique()
        .on('edit_attempts')
        .columns(['platform', 'user_id', 'day'])
        .where(sql.ref('allowed'), '=', 0)
        .where(sql.ref('user_id'), 'is not', null)
        .execute();
      await db.schema.createIndex('edit_attempts_refused_by_day').on('edit_attempts').column('day').where(sql.ref('allowed'), '=', 0).execute();
    },
  },
  {
    version: 8,
    name: 'private evidence beside drafted patches: the article sentences an editor checks a draft against, never published',
    async up(db) {
      await db.schema
        .createTable('patch_evidence')
        .addColumn('update_id', 'integer', (c) => c.primaryKey().references('updates.id'))
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 9,
    name: 'leases: one holder at a time for work only one replica may do (the Discord gateway session), timed by the database clock',
    async up(db) {
      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('acquired_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 10,
    name: 'Slack installations: the OAuth install of each workspace, so one deployment serves several',
    async up(db) {
      await db.schema
        .createTable('slack_installations')
        .addColumn('install_key', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 11,
    name: 'form memos: what an open Discord form holds between its pages, so any replica (or the bot after a restart) can carry it on',
    async up(db) {
      await db.schema
        .createTable('form_memos')
        .addColumn('platform', 'text', (c) => c.notNull().check(oneOf('platform', ['slack', 'discord'])))
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('form_memos_pkey', ['platform', 'token'])
        .execute();
      await db.schema.createIndex('form_memos_by_expiry').on('form_memos').column('expires_at').execute();
    },
  },
];
