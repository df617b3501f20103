import { sql } from 'kysely';
import { oneOf, withId, type Migration } from './migration.js';

const PLATFORMS = ['slack', 'discord'] as const;

/** Migrations 1–5: digests, editors' updates, interaction claims, share tokens, the health probe. */
export const FIRST_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest subscriptions and deliveries',
    async up(db, dialect) {
      await withId(db.schema.createTable('subscriptions'), dialect)
        .addColumn('platform', 'text', (c) => c.notNull().check(oneOf('platform', PLATFORMS)))
        .addColumn('workspace_id', 'text')
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('local_time', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('active_since', 'text', (c) => c.notNull())
        .addColumn('paused_reason', 'text')
        .addColumn('paused_at', 'text')
        .addUniqueConstraint('subscriptions_channel', ['platform', 'channel_id'])
        .execute();
      await withId(db.schema.createTable('deliveries'), dialect)
        .addColumn('subscription_id', 'integer', (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['claimed', 'confirmed', 'skipped', 'failed'])))
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('claim_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('retry_at', 'text')
        .addColumn('message_id', 'text')
        .addColumn('posted_at', 'text')
        .addColumn('error', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('deliveries_slot', ['subscription_id', 'local_date'])
        .execute();
      await db.schema.createIndex('deliveries_by_date').on('deliveries').column('local_date').execute();
    },
  },
  {
    version: 2,
    name: 'editor updates, corrections and which digests carried them',
    async up(db, dialect) {
      await withId(db.schema.createTable('updates'), dialect)
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull().check(oneOf('origin', ['editor', 'ingest'])))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('unverified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('verified_at', 'text')
        .addColumn('verified_by', 'text')
        .addColumn('amended_at', 'text')
        .addColumn('retracted_at', 'text')
        .execute();
      await withId(db.schema.createTable('corrections'), dialect)
        .addColumn('update_id', 'integer', (c) => c.notNull().references('updates.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['amend', 'retract'])))
        .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(reason) > 0`))
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('before_content', 'text', (c) => c.notNull())
        .addColumn('after_content', 'text')
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('corrections_by_time').on('corrections').column('created_at').execute();
      await db.schema
        .createTable('update_deliveries')
        .addColumn('update_id', 'integer', (c) => c.notNull().references('updates.id'))
        .addColumn('subscription_id', 'integer', (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('update_deliveries_pk', ['update_id', 'subscription_id', 'local_date'])
        .addForeignKeyConstraint('update_deliveries_delivery', ['subscription_id', 'local_date'], 'deliveries', ['subscription_id', 'local_date'], (fk) =>
          fk.onDelete('cascade'),
        )
        .execute();
      await db.schema
        .createTable('correction_edits')
        .addColumn('correction_id', 'integer', (c) => c.notNull().references('corrections.id'))
        .addColumn('subscription_id', 'integer', (c) => c.notNull())
        .addColumn('local_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['edited', 'failed'])))
        .addColumn('error', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('correction_edits_pk', ['correction_id', 'subscription_id', 'local_date'])
        .execute();
      await withId(db.schema.createTable('edit_attempts'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('allowed', 'integer', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
    },
  },
  {
    version: 3,
    name: 'interaction claims: one write or post per platform interaction id, across restarts and processes',
    async up(db) {
      await db.schema
        .createTable('interaction_claims')
        .addColumn('platform', 'text', (c) => c.notNull().check(oneOf('platform', PLATFORMS)))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addPrimaryKeyConstraint('interaction_claims_pk', ['platform', 'key'])
        .execute();
      await db.schema.createIndex('interaction_claims_by_expiry').on('interaction_claims').column('expires_at').execute();
    },
  },
  {
    version: 4,
    name: 'share tokens: unguessable Share button ids with their owner, channel and expiry, used once',
    async up(db) {
      await db.schema
        .createTable('share_tokens')
        .addColumn('token', 'text', (c) => c.primaryKey())
        .addColumn('platform', 'text', (c) => c.notNull().check(oneOf('platform', PLATFORMS)))
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('shared_at', 'text')
        .execute();
      await db.schema.createIndex('share_tokens_by_expiry').on('share_tokens').column('expires_at').execute();
    },
  },
  {
    version: 5,
    name: 'health probe: one row the start-up check and /healthz rewrite, to prove the database still takes writes',
    async up(db) {
      await db.schema
        .createTable('health_probe')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
