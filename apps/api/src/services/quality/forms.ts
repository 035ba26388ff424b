import type { DbOrTx } from "@kuulo/db/client";
import { type QualityFormVersion, qualityForms, qualityFormVersions } from "@kuulo/db/schema";
import { notFound } from "@kuulo/domain/errors";
import {
  assertFormVersionUsable,
  type FormContent,
  type FormVersionStatus,
  formVersionTransition,
} from "@kuulo/domain/quality";
import { and, desc, eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface FormVersionView {
  id: string;
  formId: string;
  version: number;
  status: FormVersionStatus;
  content: FormContent;
  publishedAt: string | null;
  retiredAt: string | null;
}

export interface FormSummary {
  formId: string;
  name: string;
  published: FormVersionView | null;
  draft: FormVersionView | null;
  versions: number;
}

const viewOf = (row: QualityFormVersion): FormVersionView => ({
  id: row.id,
  formId: row.formId,
  version: row.version,
  status: row.status,
  content: row.content,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  retiredAt: row.retiredAt?.toISOString() ?? null,
});

/** Forms belong to the organisation: another organisation's form id is NOT_FOUND. */
async function loadForm(ctx: AuthedContext, formId: string, db: DbOrTx = ctx.db) {
  const [form] = await db
    .select()
    .from(qualityForms)
    .where(and(eq(qualityForms.id, formId), eq(qualityForms.organisationId, ctx.auth.actor.organisationId)));
  if (!form) throw notFound("Form");
  return form;
}

export async function loadFormVersion(ctx: AuthedContext, versionId: string, db: DbOrTx = ctx.db) {
  const [row] = await db
    .select({ version: qualityFormVersions, organisationId: qualityForms.organisationId })
    .from(qualityFormVersions)
    .innerJoin(qualityForms, eq(qualityForms.id, qualityFormVersions.formId))
    .where(eq(qualityFormVersions.id, versionId));
  if (!row || row.organisationId !== ctx.auth.actor.organisationId) throw notFound("Form version");
  return row.version;
}

/** The published version a new evaluation must use (a draft or retired version is refused). */
export async function loadUsableFormVersion(ctx: AuthedContext, versionId: string, db: DbOrTx = ctx.db) {
  const version = await loadFormVersion(ctx, versionId, db);
  assertFormVersionUsable(version.status);
  return version;
}

export async function listForms({ ctx }: { ctx: AuthedContext }): Promise<FormSummary[]> {
  const rows = await ctx.db
    .select({ version: qualityFormVersions })
    .from(qualityFormVersions)
    .innerJoin(qualityForms, eq(qualityForms.id, qualityFormVersions.formId))
    .where(eq(qualityForms.organisationId, ctx.auth.actor.organisationId))
    .orderBy(qualityForms.createdAt, qualityForms.id, desc(qualityFormVersions.version));
  const byForm = new Map<string, FormSummary>();
  for (const { version } of rows) {
    const summary = byForm.get(version.formId) ?? {
      formId: version.formId,
      name: version.content.name,
      published: null,
      draft: null,
      versions: 0,
    };
    summary.versions += 1;
    if (version.status === "published") {
      summary.published = viewOf(version);
      summary.name = version.content.name;
    }
    if (version.status === "draft") summary.draft = viewOf(version);
    byForm.set(version.formId, summary);
  }
  return [...byForm.values()];
}

export async function getForm({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { formId: string };
}): Promise<{ formId: string; versions: FormVersionView[] }> {
  const form = await loadForm(ctx, input.formId);
  const versions = await ctx.db
    .select()
    .from(qualityFormVersions)
    .where(eq(qualityFormVersions.formId, form.id))
    .orderBy(desc(qualityFormVersions.version));
  return { formId: form.id, versions: versions.map(viewOf) };
}

export async function createForm({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { content: FormContent };
}): Promise<FormVersionView> {
  return ctx.db.transaction(async (tx) => {
    const [form] = await tx
      .insert(qualityForms)
      .values({
        organisationId: ctx.auth.actor.organisationId,
        createdBy: ctx.auth.user.id,
        createdAt: ctx.clock.now(),
      })
      .returning();
    if (!form) throw new Error("insert failed");
    const [version] = await tx
      .insert(qualityFormVersions)
      .values({
        formId: form.id,
        version: 1,
        status: "draft",
        content: input.content,
        createdBy: ctx.auth.user.id,
      })
      .returning();
    if (!version) throw new Error("insert failed");
    await audit(tx, ctx, {
      action: "quality.form_create",
      outcome: "success",
      targetType: "quality_form",
      targetId: form.id,
      details: { versionId: version.id, version: 1 },
    });
    return viewOf(version);
  });
}

/**
 * Saves the form's draft: the open draft is edited in place; without one, editing the latest version
 * makes a new draft version (published and retired versions never change).
 */
export async function saveFormDraft({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { formId: string; content: FormContent };
}): Promise<FormVersionView> {
  return ctx.db.transaction(async (tx) => {
    const form = await loadForm(ctx, input.formId, tx);
    const [latest] = await tx
      .select()
      .from(qualityFormVersions)
      .where(eq(qualityFormVersions.formId, form.id))
      .orderBy(desc(qualityFormVersions.version))
      .limit(1)
      .for("update");
    if (!latest) throw notFound("Form version");
    const outcome = formVersionTransition(latest.status, "edit");
    let saved: QualityFormVersion | undefined;
    if (outcome.kind === "edit_in_place") {
      [saved] = await tx
        .update(qualityFormVersions)
        .set({ content: input.content })
        .where(eq(qualityFormVersions.id, latest.id))
        .returning();
    } else {
      [saved] = await tx
        .insert(qualityFormVersions)
        .values({
          formId: form.id,
          version: latest.version + 1,
          status: "draft",
          content: input.content,
          createdBy: ctx.auth.user.id,
        })
        .returning();
    }
    if (!saved) throw new Error("save failed");
    await audit(tx, ctx, {
      action: "quality.form_save_draft",
      outcome: "success",
      targetType: "quality_form",
      targetId: form.id,
      details: { versionId: saved.id, version: saved.version, newVersion: outcome.kind === "new_draft" },
    });
    return viewOf(saved);
  });
}

/** Publishes a draft version and retires the previously published one, together. */
export async function publishFormVersion({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { versionId: string };
}): Promise<FormVersionView> {
  return ctx.db.transaction(async (tx) => {
    const version = await loadFormVersion(ctx, input.versionId, tx);
    formVersionTransition(version.status, "publish");
    const now = ctx.clock.now();
    const retired = await tx
      .update(qualityFormVersions)
      .set({ status: "retired", retiredAt: now })
      .where(and(eq(qualityFormVersions.formId, version.formId), eq(qualityFormVersions.status, "published")))
      .returning({ id: qualityFormVersions.id });
    const [published] = await tx
      .update(qualityFormVersions)
      .set({ status: "published", publishedAt: now })
      .where(eq(qualityFormVersions.id, version.id))
      .returning();
    if (!published) throw new Error("publish failed");
    await audit(tx, ctx, {
      action: "quality.form_publish",
      outcome: "success",
      targetType: "quality_form",
      targetId: version.formId,
      details: {
        versionId: version.id,
        version: version.version,
        retiredVersionIds: retired.map((r) => r.id),
      },
    });
    return viewOf(published);
  });
}

export async function retireFormVersion({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { versionId: string };
}): Promise<FormVersionView> {
  return ctx.db.transaction(async (tx) => {
    const version = await loadFormVersion(ctx, input.versionId, tx);
    formVersionTransition(version.status, "retire");
    const [retired] = await tx
      .update(qualityFormVersions)
      .set({ status: "retired", retiredAt: ctx.clock.now() })
      .where(eq(qualityFormVersions.id, version.id))
      .returning();
    if (!retired) throw new Error("retire failed");
    await audit(tx, ctx, {
      action: "quality.form_retire",
      outcome: "success",
      targetType: "quality_form",
      targetId: version.formId,
      details: { versionId: version.id, version: version.version },
    });
    return viewOf(retired);
  });
}
