/**
 * The inbox page's strings, added to `ui:inbox` when the (lazy) page loads, so the first load stays small.
 * Same keys in fi and en (typed).
 */
export const inboxEn = {
  title: "Inbox",
  description: "What waits for you, newest news first. Each line takes you to where the work is done.",
  empty: "Nothing waits for you.",
  emptyHint: "New tasks and news appear here and as a number beside “Inbox”.",
  new: "New",
  otherApp: {
    admin_one: "{{count}} more item waits in the Administration app.",
    admin_other: "{{count}} more items wait in the Administration app.",
    training_one: "{{count}} more item waits in the Training portal.",
    training_other: "{{count}} more items wait in the Training portal.",
    open: "Open it",
  },
  disclosureKind: {
    training: "training disclosure",
    statutory: "statutory disclosure",
    access_request: "access request",
  },
  item: {
    disclosure_to_approve: "{{person}} prepared a {{what}} that waits for your approval.",
    listening_right_to_approve: "A listening right for {{person}} waits for your approval.",
    disclosure_window_ending: "The training disclosure to {{person}} ends on {{date}}.",
    legal_hold_long_open:
      "A legal hold on a call of {{person}} has been in place since {{date}}. Is the case still open?",
    access_request_deadline_near: "The access request of {{person}} must be answered by {{date}}.",
    quality_setting_on: "{{person}} turned quality review on ({{date}}).",
    quality_setting_off: "{{person}} turned quality review off ({{date}}).",
    account_locked: "The account of {{person}} is locked until {{date}}.",
    processor_agreement_ending: "The processor agreement of {{organisation}} ends on {{date}}.",
    ingest_refused_one: "The recording system was refused once since you last looked ({{date}}).",
    ingest_refused_other:
      "The recording system was refused {{count}} times since you last looked (latest {{date}}).",
    purge_failed_one: "The retention purge failed once since you last looked ({{date}}).",
    purge_failed_other: "The retention purge failed {{count}} times since you last looked (latest {{date}}).",
    review_queue_one: "{{count}} sampled call waits for review by {{date}}.",
    review_queue_other: "{{count}} sampled calls wait for review by {{date}}.",
    dispute_open_one: "{{count}} dispute waits for a decision.",
    dispute_open_other: "{{count}} disputes wait for a decision.",
    assignment_overdue_person: "{{person}} has not finished “{{playlist}}”, due {{date}}.",
    assignment_overdue_other: "{{count}} people have not finished “{{playlist}}”, due {{date}}.",
    assignment_new: "“{{playlist}}” is assigned to you.",
    assignment_new_due: "“{{playlist}}” is assigned to you, due {{date}}.",
    assignment_overdue_mine: "“{{playlist}}” was due {{date}} and is not finished yet.",
    feedback_new_one: "{{count}} new evaluation of your calls.",
    feedback_new_other: "{{count}} new evaluations of your calls.",
  },
};

export const inboxFi: typeof inboxEn = {
  title: "Saapuneet",
  description: "Mikä odottaa sinua, uusimmat ensin. Jokainen rivi vie sinne, missä asia hoidetaan.",
  empty: "Mikään ei odota sinua.",
  emptyHint: "Uudet tehtävät ja tiedot näkyvät tässä ja lukuna ”Saapuneet”-kohdan vieressä.",
  new: "Uusi",
  otherApp: {
    admin_one: "Hallintasovelluksessa odottaa vielä {{count}} asia.",
    admin_other: "Hallintasovelluksessa odottaa vielä {{count}} asiaa.",
    training_one: "Koulutusportaalissa odottaa vielä {{count}} asia.",
    training_other: "Koulutusportaalissa odottaa vielä {{count}} asiaa.",
    open: "Avaa se",
  },
  disclosureKind: {
    training: "koulutusluovutuksen",
    statutory: "lakisääteisen luovutuksen",
    access_request: "tarkastuspyynnön",
  },
  item: {
    disclosure_to_approve: "{{person}} valmisteli {{what}}, joka odottaa hyväksyntääsi.",
    listening_right_to_approve: "Henkilön {{person}} kuunteluoikeus odottaa hyväksyntääsi.",
    disclosure_window_ending: "Koulutusluovutus vastaanottajalle {{person}} päättyy {{date}}.",
    legal_hold_long_open:
      "Työntekijän {{person}} puhelun lakisääteinen säilytys on ollut voimassa {{date}} alkaen. Onko asia yhä kesken?",
    access_request_deadline_near: "Henkilön {{person}} tarkastuspyyntöön on vastattava viimeistään {{date}}.",
    quality_setting_on: "{{person}} otti laadunarvioinnin käyttöön ({{date}}).",
    quality_setting_off: "{{person}} poisti laadunarvioinnin käytöstä ({{date}}).",
    account_locked: "Henkilön {{person}} tili on lukittu {{date}} asti.",
    processor_agreement_ending: "Käsittelijän {{organisation}} sopimus päättyy {{date}}.",
    ingest_refused_one:
      "Tallennusjärjestelmän pyyntö torjuttiin kerran edellisen käyntisi jälkeen ({{date}}).",
    ingest_refused_other:
      "Tallennusjärjestelmän pyyntö torjuttiin {{count}} kertaa edellisen käyntisi jälkeen (viimeksi {{date}}).",
    purge_failed_one:
      "Säilytysajan mukainen poisto epäonnistui kerran edellisen käyntisi jälkeen ({{date}}).",
    purge_failed_other:
      "Säilytysajan mukainen poisto epäonnistui {{count}} kertaa edellisen käyntisi jälkeen (viimeksi {{date}}).",
    review_queue_one: "{{count}} otantaan poimittu puhelu odottaa arviointia {{date}} mennessä.",
    review_queue_other: "{{count}} otantaan poimittua puhelua odottaa arviointia {{date}} mennessä.",
    dispute_open_one: "{{count}} oikaisupyyntö odottaa ratkaisua.",
    dispute_open_other: "{{count}} oikaisupyyntöä odottaa ratkaisua.",
    assignment_overdue_person:
      "{{person}} ei ole suorittanut soittolistaa ”{{playlist}}”, määräpäivä {{date}}.",
    assignment_overdue_other:
      "{{count}} henkilöä ei ole suorittanut soittolistaa ”{{playlist}}”, määräpäivä {{date}}.",
    assignment_new: "Sinulle on osoitettu soittolista ”{{playlist}}”.",
    assignment_new_due: "Sinulle on osoitettu soittolista ”{{playlist}}”, määräpäivä {{date}}.",
    assignment_overdue_mine:
      "Soittolistan ”{{playlist}}” määräpäivä oli {{date}}, eikä se ole vielä suoritettu.",
    feedback_new_one: "Puheluistasi on {{count}} uusi arvio.",
    feedback_new_other: "Puheluistasi on {{count}} uutta arviota.",
  },
};

export const inboxPageMessages = { en: inboxEn, fi: inboxFi };
