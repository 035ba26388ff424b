import { DomainError } from "../errors/index.js";

export const FORM_VERSION_STATUSES = ["draft", "published", "retired"] as const;
export type FormVersionStatus = (typeof FORM_VERSION_STATUSES)[number];

export const FORM_VERSION_EVENTS = ["edit", "publish", "retire"] as const;
export type FormVersionEvent = (typeof FORM_VERSION_EVENTS)[number];

/**
 * Form versions: a draft is edited in place; editing a published (or retired) version makes a new draft
 * version, so every evaluation keeps the exact questions it was answered with; publishing a draft retires
 * the form's previously published version (one published version per form); retired is final.
 */
export type FormVersionOutcome =
  | { kind: "edit_in_place" }
  | { kind: "new_draft" }
  | { kind: "publish"; retiresPublished: true }
  | { kind: "retire" };

export const formVersionTransition = (
  status: FormVersionStatus,
  event: FormVersionEvent,
): FormVersionOutcome => {
  if (event === "edit") return status === "draft" ? { kind: "edit_in_place" } : { kind: "new_draft" };
  if (event === "publish") {
    if (status !== "draft") {
      throw new DomainError(
        "CONFLICT",
        `A ${status} form version cannot be published; edit it to make a draft`,
        {
          field: "versionId",
          reason: "quality.form_not_draft",
        },
      );
    }
    return { kind: "publish", retiresPublished: true };
  }
  if (status !== "published") {
    throw new DomainError("CONFLICT", `A ${status} form version cannot be retired`, {
      field: "versionId",
      reason: "quality.form_not_published",
    });
  }
  return { kind: "retire" };
};

/** Only the published version of a form may be used for a new evaluation. */
export const assertFormVersionUsable = (status: FormVersionStatus, field = "formVersionId"): void => {
  if (status === "published") return;
  throw new DomainError(
    "CONFLICT",
    status === "retired"
      ? "This form version has been retired; evaluate with the form's published version"
      : "This form version is a draft; publish it before evaluating with it",
    { field, reason: status === "retired" ? "quality.form_version_retired" : "quality.form_version_draft" },
  );
};
