import type { approvalsEn } from "./messages.en.js";

/** Hyväksyntäsivun tekstit (toisen henkilön päätös roolista). */
export const approvalsFi: typeof approvalsEn = {
  approvals: {
    title: "Hyväksyntää odottavat kuunteluoikeudet",
    description:
      "Käyttäjien hallinta ei yksin anna kenellekään oikeutta kuunnella: kuuntelun salliva rooli tai uusi salasanalinkki tällaiselle henkilölle tulee voimaan vasta, kun hyväksyt sen. Et voi päättää omista pyynnöistäsi.",
    empty: "Mikään ei odota hyväksyntää",
    emptyHint: "Pyynnöt näkyvät tässä, kun ylläpitäjä antaa jollekulle kuuntelun sallivan roolin.",
    person: "Henkilö",
    what: "Pyydetty",
    askedBy: "Pyytäjä",
    askedAt: "Pyydetty",
    roleIn: "{{role}}, {{unit}}",
    passwordLink: "Uusi kertakäyttöinen salasanalinkki",
    unknownRequester: "(tunnus poistettu)",
    approve: "Hyväksy",
    approveTitle: "Hyväksytäänkö henkilölle {{name}}?",
    approveBody:
      "{{what}} tulee voimaan henkilölle {{name}} nyt. Jos joku muu voi tietää hänen salasanansa, se tyhjennetään ja saat kertakäyttöisen linkin annettavaksi hänelle.",
    refuse: "Hylkää",
    refuseTitle: "Hylätäänkö henkilölle {{name}}?",
    refuseBody: "{{what}} jää antamatta henkilölle {{name}}. Hylkäys kirjataan tapahtumalokiin.",
    approvedTitle: "Hyväksytty: {{name}}",
    keepsPassword: "{{name}} säilyttää oman salasanansa; mitään ei tarvitse luovuttaa.",
    awaiting: "odottaa hyväksyntää",
    createdNotice:
      "{{name}} luotiin. Kuuntelun salliva rooli odottaa tietosuojavastaavan hyväksyntää; kertakäyttöinen salasanalinkki menee hyväksyjälle, ei sinulle.",
    resetNotice:
      "Henkilön {{name}} salasana ei enää toimi. Koska hän voi kuunnella tallenteita, uusi kertakäyttöinen linkki menee tietosuojavastaavalle hyväksyttäväksi ja luovutettavaksi.",
    grantNotice:
      "Rooli sallii kuuntelun, joten se odottaa tietosuojavastaavan hyväksyntää ennen voimaantuloa.",
  },
};
