import { useTranslation } from "react-i18next";

/** Keyset paging: the list grows by one page per press; the button disappears after the last page. */
export function LoadMoreButton({
  nextCursor,
  loading,
  onLoad,
}: {
  nextCursor: string | null | undefined;
  loading: boolean;
  onLoad: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  if (!nextCursor) return null;
  return (
    <div className="load-more">
      <button type="button" className="button" disabled={loading} onClick={() => onLoad(nextCursor)}>
        {loading ? t("loadingMore") : t("loadMore")}
      </button>
    </div>
  );
}
