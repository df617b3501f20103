// Token shapes that must never reach a log: Slack tokens, Slack response URLs and webhooks, Discord webhook and
// interaction callback URLs (their last segment is a token). Each pattern is linear: no nested quantifiers.
const SECRET_SHAPES: [RegExp, string][] = [
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, '[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, '[redacted]'],
  [/https?:\/\/hooks\.slack\.com\/\S+/g, '[redacted]'],
  [/\/(webhooks|interactions)\/(\d+)\/[A-Za-z0-9._-]+/g, '/$1/$2/[redacted]'],
];

/** Replaces token shapes and each known secret value in `text` with [redacted]. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement);
  return out;
}
