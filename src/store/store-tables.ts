import type { Generated } from 'kysely';

// Instants are ISO-8601 strings with milliseconds and a Z in both dialects, so they compare as text everywhere and a
// row reads back identically from SQLite and PostgreSQL. Flags are 0/1 integers for the same reason.

/** subscriptions: one digest subscription per platform channel. */
export interface SubscriptionsTable {
  id: Generated<number>;
  platform: 'slack' | 'discord';
  workspace_id: string | null;
  channel_id: string;
  local_time: string;
  time_zone: string;
  created_by: string;
  created_at: string;
  active_since: string;
  paused_reason: string | null;
  paused_at: string | null;
}

/** deliveries: one row per subscription per local day, claimed before posting. */
export interface DeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  local_date: string;
  due_at: string;
  status: 'claimed' | 'confirmed' | 'skipped' | 'failed';
  late: Generated<number>;
  claim_owner: string | null;
  lease_until: string | null;
  attempts: Generated<number>;
  retry_at: string | null;
  message_id: string | null;
  posted_at: string | null;
  error: string | null;
  updated_at: string;
}

/** updates: editors' form updates and patches, never deleted. */
export interface UpdatesTable {
  id: Generated<number>;
  content: string;
  author: string;
  origin: 'editor' | 'ingest';
  recorded_at: string;
  unverified: Generated<number>;
  verified_at: string | null;
  verified_by: string | null;
  amended_at: string | null;
  retracted_at: string | null;
  kind: Generated<'update' | 'patch'>;
}

/** corrections: each amendment or retraction with its content before and after. */
export interface CorrectionsTable {
  id: Generated<number>;
  update_id: number;
  kind: 'amend' | 'retract';
  reason: string;
  author: string;
  created_at: string;
  before_content: string;
  after_content: string | null;
  published: Generated<number>;
}

/** update_deliveries: which posted digest carried which update. */
export interface UpdateDeliveriesTable {
  update_id: number;
  subscription_id: number;
  local_date: string;
  recorded_at: string;
}

/** correction_edits: what happened to each posted digest after a correction. */
export interface CorrectionEditsTable {
  correction_id: number;
  subscription_id: number;
  local_date: string;
  status: 'edited' | 'failed';
  error: string | null;
  at: string;
}

/** edit_attempts: the editors' audit log; refusals are one counted row per user per day. */
export interface EditAttemptsTable {
  id: Generated<number>;
  at: string;
  day: string | null;
  count: Generated<number>;
  platform: string;
  user_id: string | null;
  action: string;
  allowed: number;
  detail: string | null;
}

/** interaction_claims: one write per platform interaction or event id, across processes. */
export interface InteractionClaimsTable {
  platform: 'slack' | 'discord';
  key: string;
  claimed_at: string;
  expires_at: string;
  result: string | null;
}

/** share_tokens: Share button ids with owner, channel and expiry. */
export interface ShareTokensTable {
  token: string;
  platform: 'slack' | 'discord';
  owner_user_id: string;
  channel_id: string | null;
  payload: string;
  created_at: string;
  expires_at: string;
  shared_at: string | null;
}

/** form_memos: an open form's state between its pages (JSON content), owned by one user until it expires. */
export interface FormMemosTable {
  platform: 'slack' | 'discord';
  token: string;
  user_id: string;
  content: string;
  expires_at: string;
}

/** health_probe: the single row /healthz rewrites. */
export interface HealthProbeTable {
  id: number;
  checked_at: string;
}

/** patch_evidence: private article sentences behind a drafted patch. */
export interface PatchEvidenceTable {
  update_id: number;
  content: string;
  recorded_at: string;
}

/** leases: named, expiring leadership (the Discord gateway session), timed by the database's clock. */
export interface LeasesTable {
  name: string;
  holder: string;
  acquired_at: string;
  expires_at: string;
}

/** slack_installations: Bolt OAuth installations, one per workspace (or enterprise). */
export interface SlackInstallationsTable {
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  content: string;
  installed_at: string;
}

/** schema_migrations: which numbered migrations this database has. */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/** Every table Strikewire keeps, as Kysely sees them. */
export interface StoreTables {
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
  updates: UpdatesTable;
  corrections: CorrectionsTable;
  update_deliveries: UpdateDeliveriesTable;
  correction_edits: CorrectionEditsTable;
  edit_attempts: EditAttemptsTable;
  interaction_claims: InteractionClaimsTable;
  share_tokens: ShareTokensTable;
  form_memos: FormMemosTable;
  health_probe: HealthProbeTable;
  patch_evidence: PatchEvidenceTable;
  leases: LeasesTable;
  slack_installations: SlackInstallationsTable;
  schema_migrations: SchemaMigrationsTable;
}
