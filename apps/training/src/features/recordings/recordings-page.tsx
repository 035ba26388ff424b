import { PageHeader, useFormat } from "@kuulo/ui";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";
import { AddToPlaylistDialog } from "./add-to-playlist-dialog.js";
import { RecordingBrowser } from "./recording-browser.js";

/** A trainer's scoped browsing of their units' recordings (R2: quality review and curating). */
export function RecordingsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const search = useSearch({ from: "/app/recordings" });
  const navigate = useNavigate({ from: "/recordings" });
  const [selected, setSelected] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t("recordings.title")}
        description={t("recordings.description")}
        actions={
          <Link to="/playlists/new" className="button button--primary">
            {t("playlists.new")}
          </Link>
        }
      />
      {selected.length > 0 ? (
        <section
          className="selection-bar"
          aria-label={t("recordingList.selected", { count: selected.length })}
        >
          <span>{t("recordingList.selected", { count: selected.length })}</span>
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            {t("recordingList.addSelected")}
          </button>
          <button type="button" className="button" onClick={() => setSelected([])}>
            {t("recordingList.clearSelection")}
          </button>
        </section>
      ) : null}
      <AddToPlaylistDialog
        key={adding ? "open" : "closed"}
        open={adding}
        recordingIds={selected}
        onClose={(added) => {
          setAdding(false);
          if (added) setSelected([]);
        }}
      />
      <RecordingBrowser
        selection={{
          isSelected: (id) => selected.includes(id),
          toggle: (recording) =>
            setSelected((current) =>
              current.includes(recording.id)
                ? current.filter((id) => id !== recording.id)
                : [...current, recording.id],
            ),
        }}
        search={search}
        onSearch={(next) => void navigate({ search: next })}
        action={(recording) => (
          <button
            type="button"
            className="button button--small"
            aria-expanded={open === recording.id}
            onClick={() => setOpen(open === recording.id ? null : recording.id)}
          >
            {open === recording.id ? t("recordings.close") : t("recordings.listen")}
            <span className="visually-hidden"> {format.dateTime(recording.callStartedAt)}</span>
          </button>
        )}
        expanded={(recording) =>
          open === recording.id ? (
            <ClipPlayer
              recordingId={recording.id}
              durationMs={recording.durationMs}
              src={audioUrl(recording.id)}
              clip={null}
              enforceClip={false}
              title={format.dateTime(recording.callStartedAt)}
            />
          ) : null
        }
      />
    </>
  );
}
