import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./columns.js";

/**
 * A named background job (e.g. "retention.purge") with a lease: an instance claims it by setting
 * locked_by/locked_until in one conditional UPDATE, so several API instances never run it at once.
 */
export const jobs = pgTable("jobs", {
  name: text("name").primaryKey(),
  lockedBy: text("locked_by"),
  lockedUntil: timestamptz("locked_until"),
  lastRunAt: timestamptz("last_run_at"),
  state: jsonb("state").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
});

/** One execution of a job, for operators: when, by which instance, and what it did (counts, no personal data). */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: id(),
    jobName: text("job_name")
      .notNull()
      .references(() => jobs.name, { onDelete: "cascade" }),
    instanceId: text("instance_id").notNull(),
    startedAt: timestamptz("started_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
    outcome: text("outcome"),
    processed: integer("processed").notNull().default(0),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    error: text("error"),
  },
  (t) => [
    index("job_runs_job_started_idx").on(t.jobName, t.startedAt.desc()),
    check("job_runs_outcome", sql`${t.outcome} is null or ${t.outcome} in ('success', 'failure')`),
  ],
);

export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
export type JobRun = typeof jobRuns.$inferSelect;
export type NewJobRun = typeof jobRuns.$inferInsert;
