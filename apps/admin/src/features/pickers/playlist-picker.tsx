import type { RouterOutputs } from "@kuulo/api";
import { TextField, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../lib/use-debounced.js";

export type PlaylistTitle = RouterOutputs["playlists"]["listTitles"]["items"][number];

/**
 * A training disclosure names a playlist by its title (playlist.list_titles): the privacy officer sees
 * title, unit and how many recordings it holds, never its items or audio.
 */
export function PlaylistPicker({
  picked,
  onPick,
  error,
}: {
  picked: PlaylistTitle | null;
  onPick: (playlist: PlaylistTitle | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const search = useDebounced(query.trim(), 250);
  const found = useQuery({
    ...trpc.playlists.listTitles.queryOptions(search ? { search } : {}),
    enabled: picked === null,
  });
  if (picked) {
    return (
      <div className="alert alert--info row row--between" data-testid="picked-playlist">
        <span>
          {t("playlistPicker.chosen", {
            title: picked.title,
            unit: picked.unitName,
            items: t("playlistPicker.item", { count: picked.itemCount }),
          })}
        </span>
        <button type="button" className="button" onClick={() => onPick(null)}>
          {t("playlistPicker.change")}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <TextField
        label={t("playlistPicker.search")}
        value={query}
        autoComplete="off"
        error={error}
        onChange={(event) => setQuery(event.target.value)}
      />
      {found.data && found.data.items.length > 0 ? (
        <ul className="stack" aria-label={t("playlistPicker.results")}>
          {found.data.items.map((playlist) => (
            <li key={playlist.id} className="row row--between">
              <span>
                {playlist.title} · {playlist.unitName} ·{" "}
                {t("playlistPicker.item", { count: playlist.itemCount })}
                {playlist.status === "draft" ? (
                  <span className="muted"> · {t("playlistPicker.draft")}</span>
                ) : null}
              </span>
              <button
                type="button"
                className="button"
                aria-label={`${t("playlistPicker.use")}: ${playlist.title}`}
                onClick={() => onPick(playlist)}
              >
                {t("playlistPicker.use")}
              </button>
            </li>
          ))}
        </ul>
      ) : found.data ? (
        <p className="muted">{t("playlistPicker.none")}</p>
      ) : null}
    </div>
  );
}
