import type { MomentKind } from "@kuulo/domain/quality";
import { formatDuration } from "@kuulo/ui";
import { useTranslation } from "react-i18next";

export interface LinkedMoment {
  id: string;
  kind: MomentKind;
  startMs: number;
  endMs: number | null;
  text: string;
  criterionKey: string | null;
}

export const momentRange = (moment: { startMs: number; endMs: number | null }) =>
  moment.endMs === null
    ? formatDuration(moment.startMs)
    : `${formatDuration(moment.startMs)}–${formatDuration(moment.endMs)}`;

/** The moments linked to one criterion, shown beside it (nothing when none is linked). */
export function LinkedMoments({
  moments,
  criterionKey,
  criterionTitle,
}: {
  moments: readonly LinkedMoment[];
  criterionKey: string;
  criterionTitle: string;
}) {
  const { t } = useTranslation();
  const linked = moments.filter((moment) => moment.criterionKey === criterionKey);
  if (linked.length === 0) return null;
  return (
    <ul className="linked-moments" aria-label={t("qualityLoop.momentsOf", { criterion: criterionTitle })}>
      {linked.map((moment) => (
        <li key={moment.id} className={`linked-moment linked-moment--${moment.kind}`}>
          <span className="muted">{momentRange(moment)}</span> {t(`quality.kinds.${moment.kind}`)}:{" "}
          {moment.text}
        </li>
      ))}
    </ul>
  );
}
