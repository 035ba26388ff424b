/** The text as a regular expression that matches exactly it. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A catalogue sentence as a pattern, so tests find controls by their translated names: the given values
 * filled in, any other placeholder ("{{time}}") matching anything. Whole text by default; `within` finds
 * the sentence inside a longer text.
 */
export function sentencePattern(
  template: string,
  values: Record<string, string | number> = {},
  { within = false }: { within?: boolean } = {},
): RegExp {
  const body = escapeRegExp(template).replace(/\\\{\\\{(\w+)\\\}\\\}/g, (_, key: string) =>
    key in values ? escapeRegExp(String(values[key])) : ".+",
  );
  return new RegExp(within ? body : `^${body}$`);
}
