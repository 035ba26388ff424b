import { useTranslation } from "react-i18next";
import { useInboxCount } from "./use-inbox-count.js";

/** "Inbox" with the number waiting; the number is read out with its meaning, not as a bare digit. */
export function InboxNavLabel({ app }: { app: "admin" | "training" }) {
  const { t } = useTranslation("ui");
  const count = useInboxCount(app);
  return (
    <>
      {t("inbox.nav")}
      {count > 0 ? (
        <>
          {" "}
          <span className="badge badge--info inbox-badge" data-testid="inbox-badge" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">{`, ${t("inbox.waiting", { count })}`}</span>
        </>
      ) : null}
    </>
  );
}
