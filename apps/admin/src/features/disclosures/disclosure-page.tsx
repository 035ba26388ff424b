import type { RouterOutputs } from "@kuulo/api";
import { ErrorState, formatCalendarDay, Loading, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useAuditLanguage } from "../audit/use-audit-sentence.js";
import "./disclosures.css";
import { DisclosureActions } from "./disclosure-actions.js";
import { DisclosureStatusBadge, recipientOf } from "./disclosure-badges.js";

type Detail = RouterOutputs["disclosures"]["get"];
type Disclosure = Detail["disclosure"];

const FIELD_ORDER = [
  "recipientName",
  "recipientOrganisation",
  "recipientEmail",
  "ndaReference",
  "ndaSignedOn",
  "purpose",
  "playlistId",
  "authority",
  "legalBasis",
  "caseReference",
  "requesterName",
  "identityVerification",
  "window",
  "staffMemberId",
] as const;

/** The parts of a structured field (the database keeps an object's keys in its own order). */
const partsOf = (value: unknown) =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

function describeValue(value: unknown): string {
  if (value === null || value === "") return "–";
  if (typeof value === "string") return value;
  if (value && typeof value === "object") return Object.values(partsOf(value)).map(String).join(" – ");
  return String(value);
}

export function DisclosurePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { disclosureId } = useParams({ from: "/app/disclosures/$disclosureId" });
  const detail = useQuery(trpc.disclosures.get.queryOptions({ disclosureId }));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const { disclosure, trail } = detail.data;
  return (
    <>
      <p>
        <Link to="/disclosures">← {t("disclosures.detail.back")}</Link>
      </p>
      <PageHeader
        title={`${t(`disclosures.kind.${disclosure.kind}`)}: ${recipientOf(disclosure.kind, disclosure.fields)}`}
        actions={<DisclosureStatusBadge status={disclosure.status} />}
      />
      <DisclosureActions disclosure={disclosure} />
      <div className="grid-2 section">
        <RecordCard disclosure={disclosure} />
        <section className="card" aria-labelledby="disclosure-recordings">
          <h2 id="disclosure-recordings">{t("disclosures.detail.recordings")}</h2>
          {disclosure.recordingIds.length === 0 ? (
            <p className="muted">{t("disclosures.detail.noRecordings")}</p>
          ) : (
            <>
              <p className="muted">{t("disclosures.detail.recordingsHint")}</p>
              <DisclosedRecordings ids={disclosure.recordingIds} />
            </>
          )}
        </section>
      </div>
      <Trail trail={trail} training={disclosure.kind === "training"} />
    </>
  );
}

// Details of at most this many recordings are loaded (each look-up is an audited read).
const DETAILED_RECORDINGS = 20;

function DisclosedRecordings({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const shown = ids.slice(0, DETAILED_RECORDINGS);
  const details = useQueries({
    queries: shown.map((recordingId) => ({
      ...trpc.recordings.get.queryOptions({ recordingId }),
      retry: false,
    })),
  });
  return (
    <ul className="id-list">
      {shown.map((id, index) => {
        const recording = details[index]?.data;
        return (
          <li key={id}>
            {recording ? (
              <>
                {format.dateTime(recording.callStartedAt)} · {recording.staffMember.firstName}{" "}
                {recording.staffMember.lastName} · {format.unit(recording.unit)} ·{" "}
                {format.duration(recording.durationMs)}{" "}
              </>
            ) : details[index]?.isError ? (
              t("disclosures.detail.recordingGone")
            ) : (
              "…"
            )}
          </li>
        );
      })}
      {ids.length > shown.length ? (
        <li className="muted">
          {t("disclosures.detail.moreRecordings", { count: ids.length - shown.length })}
        </li>
      ) : null}
    </ul>
  );
}

function RecordCard({ disclosure }: { disclosure: Disclosure }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const fields = FIELD_ORDER.filter((key) => disclosure.fields[key] !== undefined);
  return (
    <section className="card" aria-labelledby="disclosure-record">
      <h2 id="disclosure-record">{t("disclosures.detail.record")}</h2>
      <dl className="description-list">
        {fields.map((key) => (
          <Fragment key={key}>
            <dt>{t(`disclosures.field.${key}`)}</dt>
            <dd>
              {key === "playlistId" ? (
                <PlaylistTitleOf playlistId={String(disclosure.fields[key])} />
              ) : key === "staffMemberId" ? (
                <StaffNameOf staffMemberId={String(disclosure.fields[key])} />
              ) : key === "ndaSignedOn" && typeof disclosure.fields[key] === "string" ? (
                formatCalendarDay(String(disclosure.fields[key]), i18n.language)
              ) : key === "window" ? (
                t("disclosures.detail.validityRange", {
                  from: format.dateTime(String(partsOf(disclosure.fields[key]).from)),
                  until: format.dateTime(String(partsOf(disclosure.fields[key]).to)),
                })
              ) : key === "identityVerification" ? (
                t("disclosures.detail.identityVerification", {
                  method: t(`disclosures.access.methods.${String(partsOf(disclosure.fields[key]).method)}`),
                  note: String(partsOf(disclosure.fields[key]).note),
                })
              ) : (
                describeValue(disclosure.fields[key])
              )}
            </dd>
          </Fragment>
        ))}

        <dt>{t("disclosures.detail.country")}</dt>
        <dd>{format.country(disclosure.recipientCountry)}</dd>

        {disclosure.validFrom && disclosure.validUntil ? (
          <>
            <dt>{t("disclosures.detail.validity")}</dt>
            <dd>
              {t("disclosures.detail.validityRange", {
                from: format.dateTime(disclosure.validFrom),
                until: format.dateTime(disclosure.validUntil),
              })}
            </dd>
          </>
        ) : null}

        <dt>{t("disclosures.detail.preparedBy")}</dt>
        <dd>{disclosure.preparedBy?.name ?? "–"}</dd>

        <dt>{t("disclosures.detail.approvedBy")}</dt>
        <dd>
          {disclosure.approvedBy
            ? `${disclosure.approvedBy.name}${disclosure.approvedAt ? `, ${format.dateTime(disclosure.approvedAt)}` : ""}`
            : "–"}
        </dd>

        {disclosure.externalUser ? (
          <>
            <dt>{t("disclosures.detail.externalUser")}</dt>
            <dd>{disclosure.externalUser.username}</dd>
          </>
        ) : null}
        {disclosure.exportPackage ? (
          <>
            <dt>{t("disclosures.detail.exportPackage")}</dt>
            <dd>
              {t("disclosures.detail.packageSummary", {
                size: format.bytes(disclosure.exportPackage.sizeBytes),
                sha: disclosure.exportPackage.sha256.slice(0, 16),
              })}
              <br />
              {disclosure.exportPackage.downloadedAt
                ? t("disclosures.detail.downloadedAt", {
                    when: format.dateTime(disclosure.exportPackage.downloadedAt),
                  })
                : t("disclosures.detail.notDownloaded")}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Trail({ trail, training }: { trail: Detail["trail"]; training: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useAuditLanguage();
  const listens = trail.filter((event) => event.action === "recording.listen");
  const lifecycle = trail.filter((event) => event.action !== "recording.listen");
  return (
    <div className="grid-2 section">
      <section className="card" aria-labelledby="disclosure-trail">
        <h2 id="disclosure-trail">{t("disclosures.detail.timeline")}</h2>
        {lifecycle.length === 0 ? (
          <p className="muted">{t("disclosures.detail.noTrail")}</p>
        ) : (
          <ol className="timeline">
            {lifecycle.map((event) => (
              <li key={event.seq}>
                <time dateTime={String(event.occurredAt)}>{format.dateTime(event.occurredAt)}</time>{" "}
                {language.sentence(event)}
              </li>
            ))}
          </ol>
        )}
      </section>
      {training ? (
        <section className="card" aria-labelledby="disclosure-listens">
          <h2 id="disclosure-listens">{t("disclosures.detail.listens")}</h2>
          {listens.length === 0 ? (
            <p className="muted">{t("disclosures.detail.noListens")}</p>
          ) : (
            <ol className="timeline">
              {listens.map((event) => (
                <li key={event.seq}>
                  <time dateTime={String(event.occurredAt)}>{format.dateTime(event.occurredAt)}</time>{" "}
                  {language.sentence(event)}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** A disclosed playlist by its title (playlist.list_titles), never its id. */
function PlaylistTitleOf({ playlistId }: { playlistId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const found = useQuery(trpc.playlists.listTitles.queryOptions({ playlistId }));
  const playlist = found.data?.items[0];
  if (found.isPending) return <>…</>;
  return <>{playlist ? playlist.title : t("playlistPicker.gone")}</>;
}

/** The data subject's staff member by name, from the same list the request was made with. */
function StaffNameOf({ staffMemberId }: { staffMemberId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const staff = useQuery(trpc.recordings.staffMembers.queryOptions({ limit: 200 }));
  const member = staff.data?.items.find((candidate) => candidate.id === staffMemberId);
  if (staff.isPending) return <>…</>;
  return <>{member ? `${member.firstName} ${member.lastName}` : t("recordingPicker.staffGone")}</>;
}
