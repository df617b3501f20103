import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far a signed timestamp may be from now, either way. Discord sets no window; this one bounds replays. */
export const MAX_SIGNATURE_AGE_SEC = 5 * 60;

const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** The application's Ed25519 public key (DISCORD_PUBLIC_KEY, 32 bytes in hex) as a node:crypto key. */
export function interactionPublicKey(hex: string): KeyObject {
  if (!PUBLIC_KEY_HEX.test(hex)) throw new Error('the Discord public key must be 64 hexadecimal characters');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** Why a request is refused, or undefined when its signature and timestamp hold. */
export type SignatureProblem = 'missing signature' | 'malformed signature' | 'stale timestamp' | 'bad signature';

/**
 * Checks Discord's X-Signature-Ed25519 over X-Signature-Timestamp followed by the raw body, and that the timestamp
 * is within MAX_SIGNATURE_AGE_SEC of `nowMs`. The signature is checked before the clock, so a forged request
 * learns nothing about the window.
 */
export function checkInteractionSignature(
  key: KeyObject,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: Buffer,
  nowMs: number,
): SignatureProblem | undefined {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'missing signature';
  // Buffer.from(…, 'hex') silently drops what is not hex: check the shape first.
  if (!SIGNATURE_HEX.test(signature) || !TIMESTAMP.test(timestamp)) return 'malformed signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'bad signature';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SEC) return 'stale timestamp';
  return undefined;
}
