import type { RouterOutputs } from "@kuulo/api";
import { IDENTITY_VERIFICATION_METHODS, type IdentityVerificationMethod } from "@kuulo/domain/disclosure";
import {
  DateField,
  ErrorState,
  FormError,
  Loading,
  PageHeader,
  readDomainError,
  SelectField,
  TextField,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { TextAreaField } from "./text-area-field.js";
import "./disclosures.css";
import { useDescribeRefusal } from "./describe-refusal.js";

type Created = RouterOutputs["disclosures"]["createAccessRequest"];
type FieldErrors = Partial<Record<string, string>>;

const toIso = (local: string) => new Date(local).toISOString();

/** GDPR Art. 15: find the calls by time window and staff member, record the request and the identity check. */
export function CreateAccessRequestPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [range, setRange] = useState({ from: "", to: "", staffMemberId: "" });
  const [searched, setSearched] = useState<typeof range | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [requesterName, setRequesterName] = useState("");
  const [method, setMethod] = useState<IdentityVerificationMethod>("in_person_id_document");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const staff = useQuery(trpc.recordings.staffMembers.queryOptions({ limit: 200 }));
  const candidates = useQuery({
    ...trpc.disclosures.findAccessRequestCandidates.queryOptions({
      from: searched?.from ? toIso(searched.from) : "",
      to: searched?.to ? toIso(searched.to) : "",
      ...(searched?.staffMemberId ? { staffMemberId: searched.staffMemberId } : {}),
    }),
    enabled: searched !== null,
  });
  const create = useMutation(
    trpc.disclosures.createAccessRequest.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result);
        await queryClient.invalidateQueries({ queryKey: trpc.disclosures.pathKey() });
      },
      onError: (error) => {
        const domain = readDomainError(error);
        const field = domain?.field?.replace(/^identityVerification\./, "").replace(/^window\./, "");
        if (domain && field) setErrors({ [field]: describe(domain) });
        else setFormError(domain ? describe(domain) : t("error.saveFailed"));
      },
    }),
  );
  const search = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!range.from) missing.from = t("validation.too_small");
    if (!range.to) missing.to = t("validation.too_small");
    setErrors(missing);
    if (Object.keys(missing).length === 0) {
      setSelected([]);
      setSearched(range);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const missing: FieldErrors = {};
    if (!requesterName.trim()) missing.requesterName = t("validation.too_small");
    if (!note.trim()) missing.note = t("validation.too_small");
    setErrors(missing);
    if (!searched || Object.keys(missing).length > 0) return;
    create.mutate({
      requesterName: requesterName.trim(),
      identityVerification: { method, note: note.trim() },
      window: { from: toIso(searched.from), to: toIso(searched.to) },
      ...(searched.staffMemberId ? { staffMemberId: searched.staffMemberId } : {}),
      recordingIds: selected,
    });
  };
  if (created) {
    return (
      <>
        <PageHeader title={t("disclosures.access.createdTitle")} />
        <div className="card stack">
          <div className="alert alert--info">
            {created.disclosure.status === "pending_approval"
              ? t("disclosures.statutory.pendingApproval")
              : t("disclosures.statutory.ready")}
          </div>
          <p>
            <Link
              to="/disclosures/$disclosureId"
              params={{ disclosureId: created.disclosure.id }}
              className="button button--primary"
            >
              {t("disclosures.training.open")}
            </Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("disclosures.access.title")} description={t("disclosures.access.description")} />
      <form className="card stack section" onSubmit={search} noValidate>
        <div className="filters">
          <DateField
            label={t("disclosures.access.from")}
            kind="dateTime"
            error={errors.from}
            value={range.from}
            onChange={(from) => setRange({ ...range, from })}
          />
          <DateField
            label={t("disclosures.access.to")}
            kind="dateTime"
            error={errors.to}
            value={range.to}
            onChange={(to) => setRange({ ...range, to })}
          />
          <SelectField
            label={t("disclosures.field.staffMemberId")}
            error={errors.staffMemberId}
            value={range.staffMemberId}
            onChange={(event) => setRange({ ...range, staffMemberId: event.target.value })}
          >
            <option value="">{t("disclosures.access.anyStaff")}</option>
            {(staff.data?.items ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.lastName} {member.firstName} ({member.username})
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button">
            {t("disclosures.access.find")}
          </button>
        </div>
      </form>
      {searched ? (
        <form className="card stack" onSubmit={submit} noValidate>
          <h2>{t("disclosures.access.candidates")}</h2>
          {candidates.isPending ? (
            <Loading />
          ) : candidates.isError ? (
            <ErrorState error={candidates.error} onRetry={() => candidates.refetch()} />
          ) : candidates.data.candidates.length === 0 ? (
            <p className="muted">{t("disclosures.access.noCandidates")}</p>
          ) : (
            <fieldset className="fieldset">
              <legend>{t("disclosures.picker.legend")}</legend>
              {candidates.data.truncated ? (
                <p className="alert alert--warning">{t("disclosures.access.truncated")}</p>
              ) : null}
              <p role="status" className="muted">
                {t("disclosures.picker.selected", { count: selected.length })}
              </p>
              {candidates.data.candidates.map((candidate) => (
                <label key={candidate.recordingId} className="checkbox">
                  <input
                    type="checkbox"
                    checked={selected.includes(candidate.recordingId)}
                    onChange={(event) =>
                      setSelected(
                        event.target.checked
                          ? [...selected, candidate.recordingId]
                          : selected.filter((id) => id !== candidate.recordingId),
                      )
                    }
                  />
                  {format.dateTime(candidate.callStartedAt)} · {candidate.staffMember.firstName}{" "}
                  {candidate.staffMember.lastName} · {format.duration(candidate.durationMs)}
                </label>
              ))}
            </fieldset>
          )}
          {errors.recordingIds ? <p className="field__error">{errors.recordingIds}</p> : null}
          <FormError message={formError} />
          <div className="form-grid">
            <TextField
              label={t("disclosures.field.requesterName")}
              error={errors.requesterName}
              value={requesterName}
              onChange={(event) => setRequesterName(event.target.value)}
            />
            <SelectField
              label={t("disclosures.access.method")}
              error={errors.method}
              value={method}
              onChange={(event) => setMethod(event.target.value as IdentityVerificationMethod)}
            >
              {IDENTITY_VERIFICATION_METHODS.map((value) => (
                <option key={value} value={value}>
                  {t(`disclosures.access.methods.${value}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label={t("disclosures.access.note")}
            hint={t("disclosures.access.noteHint")}
            error={errors.note}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="row row--end">
            <Link to="/disclosures" className="button">
              {t("cancel")}
            </Link>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {t("disclosures.access.submit")}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
