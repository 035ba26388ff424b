import {
  EmptyState,
  ErrorState,
  formatDuration,
  Loading,
  PageHeader,
  useCan,
  useFormat,
  useTRPC,
} from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";

/**
 * An external trainer's material (R6a): only what was disclosed to them, only while the disclosure
 * is valid. Streaming only; every listen is audited by the API.
 */
export function DisclosedPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const can = useCan();
  // Before a window opens the person holds no listening right yet, so only the opening dates are asked.
  const mayListen = can("recording.listen");
  const sets = useQuery({ ...trpc.training.disclosedRecordings.queryOptions(), enabled: mayListen });
  const upcoming = useQuery(trpc.training.upcomingDisclosures.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  if ((mayListen && sets.isPending) || upcoming.isPending) return <Loading />;
  if (sets.isError) return <ErrorState error={sets.error} onRetry={() => sets.refetch()} />;
  if (upcoming.isError) return <ErrorState error={upcoming.error} onRetry={() => upcoming.refetch()} />;
  const items = sets.data?.disclosures ?? [];
  const waiting = upcoming.data.disclosures;
  return (
    <>
      <PageHeader title={t("disclosed.title")} description={t("disclosed.description")} />
      {waiting.map((soon) => (
        <p key={soon.disclosureId} className="alert alert--info" data-testid="disclosure-opens">
          {soon.validUntil
            ? t("disclosed.opensOn", {
                from: format.dateTime(soon.validFrom),
                until: format.dateTime(soon.validUntil),
              })
            : t("disclosed.opensOnOpenEnded", { from: format.dateTime(soon.validFrom) })}
        </p>
      ))}
      {items.length === 0 && waiting.length === 0 ? (
        <EmptyState title={t("disclosed.emptyTitle")}>
          <p>{t("disclosed.emptyBody")}</p>
        </EmptyState>
      ) : (
        items.map((set) => (
          <section
            key={set.disclosureId}
            className="card section"
            aria-labelledby={`disclosure-${set.disclosureId}`}
          >
            <h2 id={`disclosure-${set.disclosureId}`} className="card__title">
              {set.playlist ? set.playlist.title : t("disclosed.setTitle")}
            </h2>
            <p className="muted">
              {t("disclosed.validity", {
                from: format.date(set.validFrom),
                until: format.date(set.validUntil),
              })}
            </p>
            {set.playlist ? (
              <p>
                <Link to="/training/$playlistId" params={{ playlistId: set.playlist.id }}>
                  {t("disclosed.openPlaylist")}
                </Link>
              </p>
            ) : null}
            <ul className="disclosed-list">
              {set.recordings.map((recording) => (
                <li key={recording.id} className="disclosed-list__item">
                  <div className="row row--between">
                    <span>
                      {format.dateTime(recording.callStartedAt)} · {formatDuration(recording.durationMs)}
                    </span>
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={open === recording.id}
                      onClick={() => setOpen(open === recording.id ? null : recording.id)}
                    >
                      {open === recording.id ? t("disclosed.close") : t("disclosed.listen")}
                    </button>
                  </div>
                  {open === recording.id ? (
                    <ClipPlayer
                      recordingId={recording.id}
                      durationMs={recording.durationMs}
                      src={audioUrl(recording.id)}
                      clip={null}
                      enforceClip={false}
                      title={format.dateTime(recording.callStartedAt)}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
