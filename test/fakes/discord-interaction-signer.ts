/**
 * Signs interactions the way Discord does for an Interactions Endpoint URL: Ed25519 over the timestamp followed by
 * the raw body, hex in X-Signature-Ed25519, seconds in X-Signature-Timestamp. Keys are fresh per signer.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** A test application's key pair; publicKeyHex is what DISCORD_PUBLIC_KEY would hold. */
export interface InteractionSigner {
  publicKeyHex: string;
  /** Headers for `body` signed at `timestampSec` (now by default). */
  headers(body: string, timestampSec?: number): Record<string, string>;
}

export function createInteractionSigner(): InteractionSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyHex: rawPublicKeyHex(publicKey),
    headers(body, timestampSec = Math.floor(Date.now() / 1000)) {
      const timestamp = String(timestampSec);
      const signature = sign(null, Buffer.from(timestamp + body, 'utf8'), privateKey).toString('hex');
      return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
    },
  };
}

function rawPublicKeyHex(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('hex');
}

/** What the endpoint answered. */
export interface EndpointAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

/** POSTs a raw body with the given headers. */
export async function postInteraction(url: string, body: string, headers: Record<string, string>): Promise<EndpointAnswer> {
  const res = await fetch(url, { method: 'POST', body, headers });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}
