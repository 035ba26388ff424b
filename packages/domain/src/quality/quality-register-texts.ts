import type { Locale, Localized } from "../register/register-config.js";

/**
 * What the register declares once quality review is on (R1): the data category, its purpose and its
 * retention. The public privacy notice and the Art. 30 record add these, and only these, when enabled.
 */
export const QUALITY_DATA_CATEGORY: Localized = {
  fi: "Henkilöstön puheluista annettu laatupalaute ja laadunarvioinnit (arviointilomakkeen vastaukset, pisteet, ajankohtiin sidottu palaute, henkilön vastaukset, kuittaukset ja oikaisupyynnöt)",
  en: "Quality feedback and evaluations of the staff member's calls (answers on evaluation forms, scores, feedback tied to moments of a call, the staff member's replies, acknowledgements and disputes)",
};

export const QUALITY_PURPOSE: Localized = {
  fi: "Laadunarviointi ja valmennus: puheluja arvioidaan yrityksen laatukriteereillä ja työntekijälle annetaan palautetta puhelun kohdista, jotta myynti- ja asiakaspalvelun laatua voidaan kehittää ja koulutus kohdistaa yksilöille ja yksiköille.",
  en: "Quality review and coaching: calls are evaluated against the company's quality criteria and staff receive feedback on moments of their calls, so that the quality of sales and customer service improves and training is targeted at individuals and units.",
};

const retentionText: Record<Locale, (days: number) => string> = {
  fi: (days) =>
    `Laatupalaute ja arvioinnit poistetaan ${days} päivän kuluttua arvioinnista tai viimeistään silloin, kun arvioitu tallenne poistetaan, kumpi tahansa tapahtuu ensin. Oikeudellinen säilytysvelvoite koskee myös niitä.`,
  en: (days) =>
    `Quality feedback and evaluations are deleted ${days} days after the evaluation, or when the evaluated recording is deleted, whichever comes first. A legal hold covers them too.`,
};
export const qualityRetentionText = (locale: Locale, days: number): string => retentionText[locale](days);

export const QUALITY_EMPLOYEE_RIGHTS: Localized = {
  fi: "Työntekijä näkee jokaisen omista puheluistaan tehdyn arvioinnin ja palautteen, voi vastata palautteeseen, kuitata sen ja pyytää arvioinnin oikaisua; oikaisupyynnön ratkaisee toinen arvioija, ja molemmat versiot säilyvät.",
  en: "Staff members can see every evaluation and every piece of feedback on their own calls, reply to it, acknowledge it and dispute an evaluation; a dispute is resolved by another reviewer and both versions are kept.",
};

export const QUALITY_LEGAL_BASIS: Localized = {
  fi: "Tallenteiden käyttö henkilöstön arviointiin on käsitelty yhteistoimintamenettelyssä (yhteistoimintalaki 1333/2021) ja perustuu lakiin yksityisyyden suojasta työelämässä (759/2004).",
  en: "Using recordings to assess staff has been handled in the employer's cooperation procedure (Co-operation Act 1333/2021) and follows the Act on the Protection of Privacy in Working Life (759/2004).",
};

/**
 * Shown to the administrator beside the switch. In Finland the employer must handle the purpose and
 * methods of monitoring in the cooperation procedure before taking them into use.
 */
export const QUALITY_COOPERATION_PROCEDURE: Localized<readonly string[]> = {
  fi: [
    "Puhelutallenteiden käyttäminen työntekijöiden arviointiin on teknistä valvontaa, jonka tarkoituksesta, käyttöönotosta ja menetelmistä on neuvoteltava yhteistoimintamenettelyssä ennen käyttöönottoa (laki yksityisyyden suojasta työelämässä 759/2004, 21 §; yhteistoimintalaki 1333/2021).",
    "Käynnistä toiminto vasta, kun yhteistoimintamenettely on käyty ja työntekijöille on kerrottu arvioinnin tarkoitus, kriteerit ja heidän oikeutensa.",
    "Kun toiminto on päällä, tietosuojaseloste kertoo uudesta tietoryhmästä, sen tarkoituksesta ja säilytysajasta. Työntekijä näkee jokaisen omista puheluistaan tehdyn arvioinnin.",
  ],
  en: [
    "Using call recordings to assess employees is technical monitoring whose purpose, introduction and methods must be negotiated in the cooperation procedure (yhteistoimintamenettely) before use (Act on the Protection of Privacy in Working Life 759/2004, section 21; Co-operation Act 1333/2021).",
    "Turn the feature on only after the cooperation procedure has been completed and staff have been told the purpose of evaluation, its criteria and their rights.",
    "While it is on, the privacy notice declares the new data category, its purpose and its retention. Employees can see every evaluation of their own calls.",
  ],
};
