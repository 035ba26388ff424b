/** The name combobox's own strings (namespace `ui`, key `nameCombobox`). */
export const nameComboboxEn = {
  hint: "Type at least two letters, then choose with the arrow keys and Enter.",
  searching: "Searching…",
};

export const nameComboboxFi: typeof nameComboboxEn = {
  hint: "Kirjoita vähintään kaksi kirjainta ja valitse nuolinäppäimillä ja Enterillä.",
  searching: "Haetaan…",
};
