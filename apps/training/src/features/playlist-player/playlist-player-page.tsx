import type { RouterOutputs } from "@kuulo/api";
import { EmptyState, ErrorState, Loading, PageHeader, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ProgressBar } from "../../lib/progress-bar.js";
import { pickItem } from "./pick-item.js";
import { PlaylistItemPlayer } from "./playlist-item-player.js";
import { PlaylistItemsNav } from "./playlist-items-nav.js";

export type TrainingPlaylist = RouterOutputs["training"]["playlist"];
export type TrainingItem = TrainingPlaylist["items"][number];

export function PlaylistPlayerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { playlistId } = useParams({ from: "/app/training/$playlistId" });
  const search = useSearch({ from: "/app/training/$playlistId" });
  const navigate = useNavigate();
  const playlist = useQuery(trpc.training.playlist.queryOptions({ playlistId }));
  const chosen = playlist.data ? pickItem(playlist.data, search.item)?.id : undefined;
  // Pin the opened item in the address, so completing it (and the refetch) does not jump to the next one.
  useEffect(() => {
    if (!search.item && chosen) {
      void navigate({
        to: "/training/$playlistId",
        params: { playlistId },
        search: { item: chosen },
        replace: true,
      });
    }
  }, [search.item, chosen, navigate, playlistId]);
  if (playlist.isPending) return <Loading />;
  if (playlist.isError) return <ErrorState error={playlist.error} onRetry={() => playlist.refetch()} />;
  const data = playlist.data;
  const current = pickItem(data, search.item);
  const index = current ? data.items.indexOf(current) : -1;
  const go = (offset: number) => {
    const target = data.items[index + offset];
    if (target)
      void navigate({ to: "/training/$playlistId", params: { playlistId }, search: { item: target.id } });
  };
  return (
    <>
      <PageHeader
        title={data.title}
        description={data.description || undefined}
        actions={<Link to="/">{t("player.backToList")}</Link>}
      />
      <ProgressBar
        done={data.itemsCompleted}
        total={data.itemsTotal}
        label={t("progress.label", { title: data.title })}
      />
      {!current ? (
        <EmptyState title={t("player.emptyTitle")}>
          <p>{t("player.emptyBody")}</p>
        </EmptyState>
      ) : (
        <div className="player-layout">
          <div className="player-layout__main">
            <PlaylistItemPlayer
              key={current.id}
              playlist={data}
              item={current}
              position={index + 1}
              onPrevious={index > 0 ? () => go(-1) : undefined}
              onNext={index < data.items.length - 1 ? () => go(1) : undefined}
            />
          </div>
          <PlaylistItemsNav playlist={data} currentId={current.id} />
        </div>
      )}
    </>
  );
}
