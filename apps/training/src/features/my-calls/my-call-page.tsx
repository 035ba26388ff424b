import { ErrorState, Loading, PageHeader, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { audioUrl } from "../../lib/media-urls.js";
import { ClipPlayer } from "../player/clip-player.js";
import { QualityOnCall, useQualityOfCall } from "../quality/quality-on-call.js";

/** One of my own calls in the same player, the whole recording. */
export function MyCallPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const { recordingId } = useParams({ from: "/app/my-calls/$recordingId" });
  const recording = useQuery(trpc.recordings.get.queryOptions({ recordingId }));
  const quality = useQualityOfCall(recordingId);
  if (recording.isPending) return <Loading />;
  if (recording.isError) return <ErrorState error={recording.error} onRetry={() => recording.refetch()} />;
  const title = t("myCalls.callOf", { time: format.dateTime(recording.data.callStartedAt) });
  return (
    <>
      <PageHeader title={title} actions={<Link to="/my-calls">{t("myCalls.back")}</Link>} />
      <ClipPlayer
        recordingId={recording.data.id}
        durationMs={recording.data.durationMs}
        src={audioUrl(recording.data.id)}
        clip={null}
        enforceClip={false}
        title={title}
        {...(quality.data ? { marks: quality.data.moments } : {})}
      />
      <QualityOnCall recordingId={recording.data.id} own />
    </>
  );
}
