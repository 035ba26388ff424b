import { Dialog, useFormat } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { RecordingBrowser, type RecordingRow } from "../recordings/recording-browser.js";

/** Picks a recording of the trainer's units for a new item. */
export function AddRecordingDialog({
  open,
  onClose,
  onAdd,
}: {
  open: boolean;
  onClose: () => void;
  onAdd: (recording: RecordingRow) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Dialog open={open} title={t("editor.addTitle")} onClose={onClose} wide>
      <RecordingBrowser
        action={(recording) => (
          <button type="button" className="button button--small" onClick={() => onAdd(recording)}>
            {t("editor.add")}
            <span className="visually-hidden"> {format.dateTime(recording.callStartedAt)}</span>
          </button>
        )}
      />
      <div className="row row--end">
        <button type="button" className="button" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </Dialog>
  );
}
