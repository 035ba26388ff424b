import { useTranslation } from "react-i18next";

/** A labelled progress bar (native <progress>, so assistive technology reads the value). */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress-bar">
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={label} />
      <span className="progress-bar__text">{t("progress.itemsDone", { done, total, percent })}</span>
    </div>
  );
}
