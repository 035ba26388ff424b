import { ErrorState, Loading, PageHeader, useCan, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AssignSection } from "./assign-section.js";
import { DeletePlaylist } from "./delete-playlist.js";
import { EditorForm } from "./editor-form.js";
import { PublishControls } from "./publish-controls.js";

export function PlaylistEditorPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const { playlistId } = useParams({ from: "/app/playlists/$playlistId" });
  const playlist = useQuery(trpc.playlists.get.queryOptions({ playlistId }));
  if (playlist.isPending) return <Loading />;
  if (playlist.isError) return <ErrorState error={playlist.error} onRetry={() => playlist.refetch()} />;
  const data = playlist.data;
  const resource = { unitId: data.unitId };
  return (
    <>
      <PageHeader
        title={data.title}
        description={t("editor.subtitle", { unit: data.unitName })}
        actions={
          <>
            <Link to="/playlists">{t("playlists.backToList")}</Link>
            {can("progress.read", resource) ? (
              <Link to="/playlists/$playlistId/progress" params={{ playlistId }} className="button">
                {t("progressPage.link")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="editor-layout">
        <div className="editor-layout__main">
          <EditorForm key={data.id} playlist={data} />
        </div>
        <div className="editor-layout__side stack">
          {can("playlist.publish", resource) ? <PublishControls playlist={data} /> : null}
          {can("playlist.assign", resource) ? <AssignSection playlist={data} /> : null}
          {can("playlist.delete", resource) ? <DeletePlaylist playlist={data} /> : null}
        </div>
      </div>
    </>
  );
}
