import { REGISTER_DESCRIPTION, type RegisterItemId } from "@kuulo/domain/register";
import { useTranslation } from "react-i18next";

/**
 * A small "Why?" disclosure that opens the register description's clause behind a rule, in the UI
 * language, instead of showing the rule's code.
 */
export function WhyLink({ clause }: { clause: RegisterItemId }) {
  const { t, i18n } = useTranslation("ui");
  const item = REGISTER_DESCRIPTION.items.find((candidate) => candidate.id === clause);
  if (!item) return null;
  const lang = i18n.language.startsWith("fi") ? "fi" : "en";
  return (
    <details className="why">
      <summary className="why__summary">{t("why.link")}</summary>
      <div className="why__body" lang={lang}>
        <p className="why__source">
          {t("why.clause")}: {item.number}. {item.heading[lang]}
        </p>
        {item.paragraphs[lang].map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </details>
  );
}
