import type { disclosedEn } from "./messages.en.js";

/** Luovutettujen tallenteiden sivun tekstit. */
export const disclosedFi: typeof disclosedEn = {
  disclosed: {
    title: "Minulle luovutetut",
    description:
      "Koulutusta varten vaitiolositoumuksella sinulle luovutetut tallenteet. Vain kuuntelu, voimassaoloaikana.",
    emptyTitle: "Sinulle ei ole nyt luovutettu aineistoa",
    emptyBody:
      "Aineisto näkyy tässä, kun sinulle tehty luovutus on voimassa. Ota yhteys rekisterinpitäjän tietosuojavastaavaan, jos odotit sitä.",
    setTitle: "Luovutetut tallenteet",
    validity: "Voimassa {{from}} – {{until}}",
    openPlaylist: "Avaa luovutettu soittolista",
    opensOn:
      "Sinulle tehty luovutus avautuu {{from}} ja on voimassa {{until}} asti. Sen tallenteet näkyvät täällä silloin.",
    opensOnOpenEnded: "Sinulle tehty luovutus avautuu {{from}}. Sen tallenteet näkyvät täällä silloin.",
    listen: "Kuuntele",
    close: "Sulje soitin",
  },
};
