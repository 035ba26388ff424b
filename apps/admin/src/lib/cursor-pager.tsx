import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Keyset paging (the API returns `nextCursor`): a stack of the cursors that led to each page, so
 * "Previous" is exact even while rows are added.
 */
export function useCursorPages<C>(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: (C | undefined)[] }>({
    key: resetKey,
    stack: [undefined],
  });
  const stack = state.key === resetKey ? state.stack : [undefined];
  return {
    cursor: stack.at(-1),
    page: stack.length,
    next: (cursor: C) => setState({ key: resetKey, stack: [...stack, cursor] }),
    previous: () => setState({ key: resetKey, stack: stack.length > 1 ? stack.slice(0, -1) : stack }),
  };
}

export function CursorPager({
  page,
  hasNext,
  onNext,
  onPrevious,
}: {
  page: number;
  hasNext: boolean;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <span>{t("pagination.pageOnly", { page })}</span>
      <span className="row">
        <button type="button" className="button button--small" disabled={page <= 1} onClick={onPrevious}>
          {t("pagination.previous")}
        </button>
        <button type="button" className="button button--small" disabled={!hasNext} onClick={onNext}>
          {t("pagination.next")}
        </button>
      </span>
    </nav>
  );
}
