/** The only reader of process.env in the benchmarks. */
import { BENCH_DATABASE } from "./bench-database.js";

export interface BenchEnv {
  /** PostgreSQL server to create the `kuulo_bench` database on (its own database name is ignored). */
  postgresServerUrl: string;
  /** The database the benchmark creates and drops on that server (KUULO_BENCH_DATABASE, default kuulo_bench). */
  postgresDatabase: string;
  /** Recording counts to measure search at, on PostgreSQL, in increasing order. */
  postgresScales: number[];
  /** Recording count for the PGlite search run; 0 skips it. */
  pgliteScale: number;
  /** Multiplies every time budget (e.g. 0.2 for a quick smoke run). */
  timeFactor: number;
  nginxPath: string;
  /** Length of the generated call `kuulo import` measures peak RSS on; 0 skips it. */
  importMinutes: number;
  /** Quality evaluations (ten moments each) for the quality report bench on PostgreSQL; 0 skips it. */
  qualityEvaluations: number;
  /**
   * Which parts to run (KUULO_BENCH_PARTS, comma-separated): ingest (ingest + streaming), search (incl.
   * auth.me and the quality report), pglite, audit (audit appends with 1 vs 3 instances), audio (stored
   * form, import memory), spa, frame. Default: all.
   */
  parts: Set<string>;
  /** bench/request-profile.ts: table size, calls per loop, and `me` or `find` to run only that loop. */
  profile: { rows: number; iterations: number; only: string | undefined };
}

export const ALL_PARTS = ["ingest", "search", "pglite", "audit", "audio", "spa", "frame"];

function numberList(value: string | undefined, fallback: number[]): number[] {
  if (!value) return fallback;
  return value
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
}

export function loadBenchEnv(env: Record<string, string | undefined> = process.env): BenchEnv {
  return {
    postgresServerUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    postgresDatabase: env.KUULO_BENCH_DATABASE || BENCH_DATABASE,
    postgresScales: numberList(env.KUULO_BENCH_SCALES, [100_000, 1_000_000]),
    pgliteScale: env.KUULO_BENCH_PGLITE_SCALE !== undefined ? Number(env.KUULO_BENCH_PGLITE_SCALE) : 100_000,
    timeFactor: env.KUULO_BENCH_TIME_FACTOR ? Number(env.KUULO_BENCH_TIME_FACTOR) : 1,
    nginxPath: env.KUULO_BENCH_NGINX || "/usr/sbin/nginx",
    importMinutes: env.KUULO_BENCH_IMPORT_MINUTES !== undefined ? Number(env.KUULO_BENCH_IMPORT_MINUTES) : 60,
    qualityEvaluations:
      env.KUULO_BENCH_QUALITY_EVALUATIONS !== undefined
        ? Number(env.KUULO_BENCH_QUALITY_EVALUATIONS)
        : 100_000,
    parts: new Set(
      env.KUULO_BENCH_PARTS ? env.KUULO_BENCH_PARTS.split(",").map((part) => part.trim()) : ALL_PARTS,
    ),
    profile: {
      rows: Number(env.KUULO_PROFILE_ROWS ?? 20_000),
      iterations: Number(env.KUULO_PROFILE_ITERATIONS ?? 2_000),
      only: env.KUULO_PROFILE_ONLY || undefined,
    },
  };
}
