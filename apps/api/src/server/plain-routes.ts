import { exportDownloadRoutes } from "../http/export-download.js";
import { recordingsPlugin } from "../http/recordings-plugin.js";
import { auditCheckpointSchedulerPlugin } from "../jobs/audit-checkpoint-scheduler.js";
import { auditSequencerPlugin } from "../jobs/audit-sequencer.js";
import { inboxDigestPlugin } from "../jobs/inbox-digest.js";
import { retentionSchedulerPlugin } from "../jobs/retention-scheduler.js";
import type { AppPlugin } from "./build-app.js";

/**
 * Plain HTTP routes beside tRPC (src/http/: ingest, audio streaming, export download). Each plugin
 * authenticates its own caller; state-changing routes without a browser session must also be listed
 * in CSRF_EXEMPT_PREFIXES (server/csrf.ts).
 */
export const PLAIN_ROUTES: AppPlugin[] = [
  recordingsPlugin,
  exportDownloadRoutes,
  retentionSchedulerPlugin,
  auditCheckpointSchedulerPlugin,
  auditSequencerPlugin,
  inboxDigestPlugin,
];
