import type { PrivacyNotice } from "./render-privacy-notice.js";

/** Plain-text rendering (for the API's text/plain notice, e-mails, and terminals). */
export const renderPrivacyNoticeText = (notice: PrivacyNotice): string => {
  const updatedLabel = notice.locale === "fi" ? "Päivitetty" : "Updated";
  const lines = [notice.title, "=".repeat(notice.title.length), `${updatedLabel}: ${notice.updated}`];
  for (const section of notice.sections) {
    lines.push("", section.heading, "-".repeat(section.heading.length));
    const [first, ...rest] = section.paragraphs;
    // The list belongs after the paragraph that introduces it.
    if (first !== undefined) lines.push(first);
    if (section.list) lines.push(...section.list.map((entry) => `- ${entry}`));
    for (const paragraph of rest) lines.push("", paragraph);
  }
  return `${lines.join("\n")}\n`;
};
