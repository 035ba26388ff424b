import { formContentSchema } from "@kuulo/domain/quality";
import { describe, expect, it } from "vitest";
import { blankCriterion, blankForm, blankSection, contentOf, draftOf, swap } from "./form-draft.js";

const published = formContentSchema.parse({
  name: "Laatu",
  passMark: 70,
  sections: [
    {
      key: "opening",
      title: "Avaus",
      criteria: [
        { key: "greeting", title: "Tervehdys", answerType: "yes_no", weight: 10, critical: true },
        { key: "criterion_1", title: "Sävy", answerType: "scale_1_5", weight: 20 },
      ],
    },
  ],
});

describe("form builder drafts", () => {
  it("round-trips a stored version unchanged", () => {
    expect(formContentSchema.parse(contentOf(draftOf(published)))).toEqual(published);
  });

  it("keeps existing keys when editing and gives new items keys no other item has", () => {
    const draft = draftOf(published);
    const opening = draft.sections[0];
    if (!opening) throw new Error("no section");
    opening.criteria = [{ ...blankCriterion(), title: "Uusi" }, ...swap(opening.criteria, 0, 1)];
    draft.sections.push({
      ...blankSection(),
      title: "Lopetus",
      criteria: [{ ...blankCriterion(), title: "Yhteenveto" }],
    });
    const content = formContentSchema.parse(contentOf(draft));
    expect(content.sections.map((s) => s.key)).toEqual(["opening", "section_1"]);
    expect(content.sections[0]?.criteria.map((c) => c.key)).toEqual([
      "criterion_2",
      "criterion_1",
      "greeting",
    ]);
    expect(content.sections[1]?.criteria.map((c) => c.key)).toEqual(["criterion_3"]);
  });

  it("drops 'critical' from a criterion switched to a 1–5 scale, as the domain requires", () => {
    const draft = draftOf(published);
    const greeting = draft.sections[0]?.criteria[0];
    if (!greeting) throw new Error("no criterion");
    greeting.answerType = "scale_1_5";
    const content = formContentSchema.safeParse(contentOf(draft));
    expect(content.success && content.data.sections[0]?.criteria[0]?.critical).toBe(false);
  });

  it("leaves typed numbers to the domain: an empty weight is refused, not turned into 0", () => {
    const draft = blankForm();
    const criterion = draft.sections[0]?.criteria[0];
    if (!criterion) throw new Error("no criterion");
    Object.assign(criterion, { title: "Tervehdys", weight: "" });
    draft.name = "Lomake";
    if (draft.sections[0]) draft.sections[0].title = "Osio";
    expect(formContentSchema.safeParse(contentOf(draft)).success).toBe(false);
  });
});
