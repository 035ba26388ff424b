export { computeRetention, type RetentionDecision, type RetentionFacts } from "./compute-retention.js";
export {
  DEFAULT_RETENTION_POLICY,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  parseRetentionPolicy,
  RETENTION_CATEGORIES,
  type RetentionCategory,
  type RetentionPolicy,
  retentionPolicySchema,
} from "./retention-policy.js";
