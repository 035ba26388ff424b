import type { RouterOutputs } from "@kuulo/api";
import { ROLES, type Role } from "@kuulo/domain/access";
import { applyServerError, EmptyState, FormError, SelectField, useCan, useFormat, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ConfirmedAction } from "../../lib/confirmed-action.js";
import { useDescribeError } from "../../lib/use-describe-error.js";
import type { useDirectory } from "../../lib/use-directory.js";
import { useUnitLabel } from "../../lib/use-unit-label.js";
import { ALL_UNITS } from "./user-form-schema.js";

type User = RouterOutputs["users"]["get"];
type Grant = User["grants"][number];

interface GrantValues {
  role: Role | "";
  unitId: string;
}

export function GrantsSection({
  user,
  directory,
}: {
  user: User;
  directory: ReturnType<typeof useDirectory>;
}) {
  const { id: userId, organisationId, grants, awaitingApproval } = user;
  const pendingRoles = awaitingApproval.filter((request) => request.kind === "grant");
  const { t } = useTranslation();
  const trpc = useTRPC();
  const describeError = useDescribeError();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ownUnits = directory.units.filter((unit) => unit.organisationId === organisationId);
  const unitLabel = useUnitLabel(directory);
  const form = useForm<GrantValues>({ defaultValues: { role: "", unitId: ALL_UNITS } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const create = useMutation(
    trpc.grants.create.mutationOptions({
      onSuccess: async (result) => {
        form.reset({ role: "", unitId: ALL_UNITS });
        setNotice(result.status === "awaiting_approval" ? t("approvals.grantNotice") : null);
        await refresh();
      },
      onError: (error) =>
        setFormError(
          applyServerError(error, form.setError, ["role", "unitId"], t("error.saveFailed"), describeError),
        ),
    }),
  );
  const revoke = useMutation(trpc.grants.revoke.mutationOptions({ onSuccess: refresh }));
  // Same question the API asks: does one of my grants reach this grant's unit?
  const canRevoke = (grant: Grant) => can("grant.revoke", { unitId: grant.unitId });
  const submit = form.handleSubmit(({ role, unitId }) => {
    setFormError(null);
    if (role === "") return;
    create.mutate({ userId, role, unitId: unitId === ALL_UNITS ? null : unitId });
  });
  return (
    <section className="card section" aria-labelledby="grants-title">
      <h2 id="grants-title">{t("grants.title")}</h2>
      <p className="muted">{t("grants.intro")}</p>
      {grants.length === 0 && pendingRoles.length === 0 ? (
        <EmptyState title={t("grants.empty")}>
          <p>{t("grants.emptyHint")}</p>
        </EmptyState>
      ) : (
        <div className="table-wrap section">
          <table className="table">
            <caption className="visually-hidden">{t("grants.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("grants.role")}</th>
                <th scope="col">{t("grants.scope")}</th>
                <th scope="col">{t("grants.grantedAt")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((grant) => (
                <tr key={grant.id}>
                  <td>{t(`roles.${grant.role}`)}</td>
                  <td>{unitLabel(grant)}</td>
                  <td>{format.date(grant.grantedAt)}</td>
                  <td className="num">
                    {canRevoke(grant) ? (
                      <ConfirmedAction
                        label={t("grants.revoke")}
                        title={t("grants.revokeTitle")}
                        body={
                          <p>
                            {t("grants.revokeBody", {
                              role: t(`roles.${grant.role}`),
                              unit: unitLabel(grant),
                            })}
                          </p>
                        }
                        confirmLabel={t("grants.revoke")}
                        danger
                        run={() => revoke.mutateAsync({ grantId: grant.id })}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
              {pendingRoles.map((request) => (
                <tr key={request.id} data-testid="awaiting-approval">
                  <td>{t(`roles.${request.role ?? "employee"}`)}</td>
                  <td>{unitLabel(request)}</td>
                  <td>
                    <span className="badge badge--warning">{t("approvals.awaiting")}</span>
                  </td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can("grant.create") ? (
        <form className="stack" onSubmit={submit} noValidate aria-labelledby="grant-form-title">
          <h3 id="grant-form-title">{t("grants.add")}</h3>
          <FormError message={formError} />
          {notice ? (
            <div className="alert alert--info" role="status">
              {notice}
            </div>
          ) : null}
          <div className="filters">
            <SelectField
              label={t("grants.role")}
              error={form.formState.errors.role?.message}
              {...form.register("role", { required: t("grants.chooseRole") })}
            >
              <option value="">{t("grants.chooseRolePlaceholder")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("grants.scope")}
              error={form.formState.errors.unitId?.message}
              {...form.register("unitId")}
            >
              <option value={ALL_UNITS}>{t("grants.allUnits")}</option>
              {ownUnits.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {format.unit(unit)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {t("grants.grant")}
            </button>
          </div>
          <p className="field__hint">{t("grants.roleHint")}</p>
        </form>
      ) : null}
    </section>
  );
}
