/**
 * Per-token token bucket for ingest: a leaked or looping recording-system token cannot flood the
 * audio workers. Kept in memory, so with several API instances the limit holds per instance.
 */
export class IngestRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  /** Takes one upload from the token's bucket; when empty, the whole seconds until one is back. */
  take(tokenId: string, now: Date): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.perMinute === 0) return { ok: true };
    const ratePerMs = this.perMinute / 60_000;
    const t = now.getTime();
    const bucket = this.buckets.get(tokenId) ?? { tokens: this.perMinute, at: t };
    const tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, t - bucket.at) * ratePerMs);
    if (tokens >= 1) {
      this.buckets.set(tokenId, { tokens: tokens - 1, at: t });
      return { ok: true };
    }
    this.buckets.set(tokenId, { tokens, at: t });
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)) };
  }
}
