import { ErrorState, Loading, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** The notice exactly as the public sees it: rendered by the domain from the deployment's register data. */
export function PrivacyNoticeView({ headingLevel = 1 }: { headingLevel?: 1 | 2 }) {
  const { i18n, t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const locale = i18n.language === "en" ? "en" : "fi";
  const notice = useQuery(trpc.register.privacyNotice.queryOptions({ locale }));
  if (notice.isPending) return <Loading />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => notice.refetch()} />;
  const Title = headingLevel === 1 ? "h1" : "h2";
  const Section = headingLevel === 1 ? "h2" : "h3";
  return (
    <article className="notice" lang={notice.data.locale}>
      <Title>{notice.data.title}</Title>
      <p className="muted">{t("register.updated", { date: format.date(notice.data.updated) })}</p>
      {notice.data.sections.map((section) => (
        <section key={section.id} aria-labelledby={`notice-${section.id}`}>
          <Section id={`notice-${section.id}`}>{section.heading}</Section>
          {section.paragraphs.slice(0, 1).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          {section.list ? (
            <ul>
              {section.list.map((entry) => (
                <li key={entry}>{entry}</li>
              ))}
            </ul>
          ) : null}
          {section.paragraphs.slice(1).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
