import type { ChecklistQuestion, ChecklistSection, ChecklistTemplateInput } from './security-walks.ts';

const check = (key: string, text: string, guidance = ''): ChecklistQuestion => ({
  key,
  text,
  guidance,
  answerType: 'check',
});
const count = (key: string, text: string, guidance = ''): ChecklistQuestion => ({
  key,
  text,
  guidance,
  answerType: 'number',
});
const describe = (key: string, text: string, guidance = ''): ChecklistQuestion => ({
  key,
  text,
  guidance,
  answerType: 'text',
});

// Sections both templates share: what the seeds' security walks looked at in every address.
const locksAndPerimeter: ChecklistSection = {
  key: 'perimeter',
  title: 'Skalskydd och lås',
  questions: [
    check('entrance_locked', 'Entréer är låsta eller bevakade utanför öppettiderna', 'Prova dörrarna. Stängs de helt?'),
    check('rooms_lockable', 'Rum där personal kan behöva ta skydd går att låsa inifrån', 'Vilrum, kontor, samtalsrum.'),
    count('rooms_without_lock', 'Antal rum som saknar lås men borde ha det'),
    check('access_control', 'Passagesystem eller nyckelhantering är ordnat och kvitterat'),
    check(
      'blackout_curtains',
      'Det finns gardiner eller film för mörkläggning och avskärmning',
      'Särskilt i bottenplan.',
    ),
    check('cameras', 'Kameraövervakning finns där behovet är bedömt, med skylt', 'T.ex. i receptionen.'),
  ],
};
const alarms: ChecklistSection = {
  key: 'alarms',
  title: 'Larm',
  questions: [
    check('personal_alarms', 'Personlarm finns, är testade och personalen vet hur de används'),
    check('alarm_centre', 'Larmen går till larmcentral och vidare till TiB vid behov', 'Fråga efter senaste provlarm.'),
    check('burglar_alarm', 'Inbrottslarm finns och är kopplat'),
    check('safety_app', 'Personalen har trygghetsappen installerad'),
  ],
};
const evacuation: ChecklistSection = {
  key: 'evacuation',
  title: 'Utrymning och inrymning',
  questions: [
    check('evacuation_routes', 'Utrymningsvägar är skyltade och fria'),
    check('lockdown_room', 'Det finns utsedda rum för inrymning som går att låsa och mörklägga'),
    check('drill_this_year', 'Utrymning och inrymning har övats det senaste året', 'Även PDV-övning om den gjorts.'),
    check('routine_known', 'Rutinen vid hot och våld finns uppsatt och personalen känner till den'),
  ],
};

/** The default checklist for a municipal office with reception (Jobbtorg, socialtjänst, förvaltning). */
export const municipalOfficeTemplate: ChecklistTemplateInput = {
  name: 'Skyddsrond kontor med reception',
  description:
    'För kommunala kontor som tar emot besökare: drop-in, bokade besök och beslut som kan väcka starka känslor.',
  sections: [
    {
      key: 'reception',
      title: 'Reception och besök',
      questions: [
        check('reception_design', 'Receptionen har en disk eller avskärmning som ger avstånd till besökaren'),
        check('reception_escape', 'Personal i receptionen har en egen väg bort från besökaren'),
        check('visitor_flow', 'Besökare kan inte gå vidare in i lokalerna utan att bli insläppta'),
        check('loose_objects', 'Lösa föremål som kan användas som tillhyggen är undanplockade'),
        describe('reception_notes', 'Övriga iakttagelser i receptionen'),
      ],
    },
    {
      key: 'meeting_rooms',
      title: 'Mötesrum för riskfyllda möten',
      questions: [
        check('risk_meeting_room', 'Det finns ett mötesrum lämpat för riskfyllda möten', 'Nära entrén, två utgångar.'),
        check('two_exits', 'Personalen kan lämna rummet utan att passera besökaren'),
        check('meeting_room_alarm', 'Mötesrummet har larmknapp eller täcks av personlarm'),
        check('booked_decisions', 'Beslut om avslag meddelas i bokade samtal med två handläggare'),
      ],
    },
    locksAndPerimeter,
    alarms,
    evacuation,
  ],
};

/** The default checklist for a school or adult education (gymnasium, SFI, Komvux). */
export const schoolTemplate: ChecklistTemplateInput = {
  name: 'Skyddsrond skola',
  description: 'För skolor och vuxenutbildning: många människor i lokalerna, elever och personal att skydda.',
  sections: [
    {
      key: 'entrances',
      title: 'Entréer och skolgård',
      questions: [
        check('entrances_controlled', 'Skolans entréer är få och går att låsa snabbt från insidan'),
        check('visitors_reported', 'Besökare anmäler sig i expeditionen och känns igen'),
        check('school_yard_lit', 'Skolgård, cykelställ och entréer är belysta'),
        count('unlocked_side_doors', 'Antal sidodörrar som stod olåsta under rundan'),
      ],
    },
    {
      key: 'classrooms',
      title: 'Klassrum och personalrum',
      questions: [
        check('classroom_locks', 'Klassrum går att låsa inifrån utan nyckel'),
        check('classroom_blackout', 'Klassrum mot korridor kan avskärmas från insyn'),
        check('staff_room_safe', 'Personalrum och expedition har en skyddad reträttväg'),
        check('conversation_room', 'Det finns ett samtalsrum för svåra samtal med vårdnadshavare eller elever'),
      ],
    },
    locksAndPerimeter,
    alarms,
    {
      ...evacuation,
      questions: [
        ...evacuation.questions,
        check('lockdown_signal', 'Det finns en egen signal för inrymning som skiljer sig från brandlarmet'),
        check('students_informed', 'Elever vet vad de ska göra vid inrymning'),
        describe('evacuation_notes', 'Övriga iakttagelser om utrymning och inrymning'),
      ],
    },
  ],
};

/** The templates a new tenant starts with. */
export const defaultChecklistTemplates: readonly ChecklistTemplateInput[] = [municipalOfficeTemplate, schoolTemplate];
