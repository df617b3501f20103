import type { ClaimPlatform, InteractionClaims } from './interaction-claims.js';

/** What a claimed interaction answered: the first delivery's own result, or the one it recorded for replays. */
export type OnceResult = { first: true; result: string } | { first: false; result?: string };

/** The claim calls claimOnce makes: InteractionClaims itself, or a wrapper that retries them while the store is busy. */
export type OnceClaims = Pick<InteractionClaims, 'claim' | 'complete' | 'release'>;

/**
 * Runs `work` for the first delivery of an interaction only, keyed on the platform's own id, and records its result
 * so a replay (a Slack retry, a double click) answers with the same thing instead of writing twice. A replay that
 * arrives while the first is still working gets no result and says so; a first delivery that fails gives the claim up. Without claims (tests of pure rendering,
 * the shell) the work simply runs.
 */
export async function claimOnce(claims: OnceClaims | undefined, platform: ClaimPlatform, key: string, now: Date, work: () => Promise<string>): Promise<OnceResult> {
  if (!claims) return { first: true, result: await work() };
  const claim = await claims.claim(platform, key, now);
  if (!claim.first) return claim.result === undefined ? { first: false } : { first: false, result: claim.result };
  let result: string;
  try {
    result = await work();
  } catch (err) {
    // Nothing was recorded: a retry of the same delivery must be able to try again, not be told it is in progress.
    await claims.release(platform, key);
    throw err;
  }
  await claims.complete(platform, key, result);
  return { first: true, result };
}
