import type { InboxItemKind } from "@kuulo/domain/inbox";
import type { AuthedContext } from "../shared/service-context.js";

/**
 * One thing waiting for the person. The UI words it from `kind` and the names; `path` is where the work is
 * done inside `app`. Names only, never ids on screen: ids appear only inside the path.
 */
export interface InboxItem {
  kind: InboxItemKind;
  /** Stable per item (React key; the digest's "already sent" check). */
  key: string;
  app: "admin" | "training";
  path: string;
  /** The date the sentence names: a deadline, an end, or when it happened. */
  at: string | null;
  /** For items that stand for several things ("3 disputes"). */
  count: number | null;
  names: {
    person?: string;
    playlist?: string;
    organisation?: string;
    disclosureKind?: "training" | "statutory" | "access_request";
    enabled?: boolean;
    /** The person's own assignment is past its due day. */
    overdue?: boolean;
  };
}

export interface InboxWindow {
  now: Date;
  /** News newer than this is "since last look". */
  since: Date;
  legalHoldReviewDays: number;
}

export type InboxFinder = (ctx: AuthedContext, window: InboxWindow) => Promise<InboxItem[]>;

export const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;
