import { renderPrivacyNotice, renderPrivacyNoticeText } from "@kuulo/domain/register";

// The public privacy notice, from the register data, deployment config and the retention policy in force.
export const notice = renderPrivacyNotice("en", {
  config: { contactEmail: "tietosuoja@kespro.example" },
  retention: { ordinaryDays: 365, trainingDays: 1096 },
});
// { locale: "en", title: "Privacy notice: Kespro customer service call recordings", updated: "…",
//   sections: [{ id: "controller", heading: "1. Controller", paragraphs: ["Kespro Oy", …] }, …] }

export const text = renderPrivacyNoticeText(renderPrivacyNotice("fi"));
// "Tietosuojaseloste: Kespron asiakaspalvelun puhelutallenteet\n====…"
