export {
  DISCLOSURE_KINDS,
  DISCLOSURE_STATUSES,
  type DisclosureKind,
  type DisclosureStatus,
  FINAL_DISCLOSURE_STATUSES,
  IDENTITY_VERIFICATION_METHODS,
  type IdentityVerificationMethod,
  MAX_RECORDINGS_PER_EXPORT,
  MAX_RECORDINGS_PER_TRAINING_DISCLOSURE,
  MAX_TRAINING_DISCLOSURE_DAYS,
} from "./disclosure-kinds.js";
export {
  type AccessRequestInput,
  accessRequestInput,
  instant,
  type StatutoryDisclosureInput,
  statutoryDisclosureInput,
  type TrainingDisclosureInput,
  trainingDisclosureInput,
} from "./disclosure-schemas.js";
export {
  DISCLOSURE_TRANSITIONS,
  type DisclosureEvent,
  type DisclosureEventType,
  type DisclosureState,
  disclosureStateMachine,
} from "./disclosure-state-machine.js";
export { type DisclosureValidity, isDisclosureActive } from "./is-disclosure-active.js";
export {
  parseAccessRequestInput,
  parseStatutoryDisclosureInput,
  parseTrainingDisclosureInput,
} from "./parse-disclosure-input.js";
