import { useTranslation } from "react-i18next";

/**
 * Streams the call inline (R8: never a download); the API decides and audits the listen (R10, R14).
 * Only mounted when the person asks, so browsing the list alone leaves no listening rows.
 */
export function PreviewPlayer({
  recordingId,
  label,
  onClose,
}: {
  recordingId: string;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="preview-player">
      {/* biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer */}
      <audio
        controls
        autoPlay
        preload="none"
        aria-label={label}
        controlsList="nodownload"
        src={`/media/recordings/${encodeURIComponent(recordingId)}/audio`}
      />
      <button type="button" className="button button--small" onClick={onClose}>
        {t("recordingPicker.closePlayer")}
      </button>
    </div>
  );
}
