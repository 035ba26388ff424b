import { useTranslation } from "react-i18next";

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <span>{t("pagination.showing", { first, last, total })}</span>
      <span className="row">
        <button type="button" className="button button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("pagination.previous")}
        </button>
        <span>{t("pagination.page", { page, pages })}</span>
        <button
          type="button"
          className="button button--small"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t("pagination.next")}
        </button>
      </span>
    </nav>
  );
}
