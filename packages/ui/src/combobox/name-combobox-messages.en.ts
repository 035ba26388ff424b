/** The name combobox's own strings (namespace `ui`, key `nameCombobox`), English. */
export const nameComboboxEn = {
  hint: "Type at least two letters, then choose with the arrow keys and Enter.",
  searching: "Searching…",
};
