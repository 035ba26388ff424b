import type { AnswerValue } from "@kuulo/domain/quality";
import type { TFunction } from "i18next";

export const answerLabel = (t: TFunction, value: AnswerValue): string =>
  typeof value === "number" ? t("quality.scaleValue", { value }) : t(`quality.answers.${value}`);
