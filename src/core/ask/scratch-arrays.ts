/**
 * Zeroed typed arrays for one question's scoring, reused from question to question. A new Float64Array per question
 * and per name (about 10 KB each on a pack with 1,000 patches) lives outside the JavaScript heap, and that churn of
 * external memory brought on extra garbage collections in the middle of questions. Scoring is synchronous, so each
 * slot is used by one question at a time.
 */
export class ScratchArrays {
  private floats: Float64Array[] = [];
  private bytes: Uint8Array[] = [];

  /** Slot `slot`'s zeroed Float64Array of length n. */
  float(slot: number, n: number): Float64Array {
    let buffer = this.floats[slot];
    if (!buffer || buffer.length < n) this.floats[slot] = buffer = new Float64Array(Math.max(n, 2 * (buffer?.length ?? 0)));
    const view = buffer.subarray(0, n);
    view.fill(0);
    return view;
  }

  /** Slot `slot`'s zeroed Uint8Array of length n. */
  byte(slot: number, n: number): Uint8Array {
    let buffer = this.bytes[slot];
    if (!buffer || buffer.length < n) this.bytes[slot] = buffer = new Uint8Array(Math.max(n, 2 * (buffer?.length ?? 0)));
    const view = buffer.subarray(0, n);
    view.fill(0);
    return view;
  }
}

/** The scratch arrays ask's scoring uses. */
export const scratch = new ScratchArrays();
