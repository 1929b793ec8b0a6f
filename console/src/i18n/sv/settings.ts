/** The municipality's settings page (Inställningar, Kommunens administratör), in Swedish. */
import { plural } from "../plural";

const range = (min: number, max: number) => `Ett heltal från ${min} till ${max}.`;

export const settingsAdmin = {
  settingsNav: "Inställningar",
  settings: {
    title: "Kommunens inställningar",
    lead: (municipality: string) =>
      `Regler som ${municipality} bestämmer själv. En ändring gäller från ett datum och ersätter det som gällde eller var planerat från då; det som inte ändras får standardvärdet. Varje ändring sparas i historiken.`,
    inForce: "Gäller i dag",
    inForceSince: (date: string) => `Gäller sedan ${date}.`,
    inForceDefaults: "Kommunen har inte ändrat något: standardvärdena gäller.",
    setting: "Inställning",
    current: "Gäller i dag",
    defaultValue: "Standard",
    meaning: "Vad den betyder",
    scheduled: "Planerade ändringar",
    scheduledNone: "Inga ändringar är planerade.",
    scheduledItem: (date: string, who: string) => `Från ${date} (ändrat av ${who})`,
    form: "Ändra inställningarna",
    formLead:
      "Formuläret börjar med det som gäller i dag. Spara ändrar från datumet du väljer; ett fält som har standardvärdet sparas som standard.",
    effectiveFrom: "Gäller från",
    effectiveFromHint: (today: string) => `Ett datum, i dag (${today}) eller senare.`,
    preview: "Det här ändras",
    previewNone: "Inget ändras jämfört med det som gäller från datumet.",
    replacesScheduled:
      "Ändringen ersätter också det som är planerat från samma eller ett senare datum. Det här blir aldrig av:",
    save: "Spara inställningarna",
    nothingToSave: "Inget att spara: inställningarna är desamma som de som gäller från datumet.",
    saved: (date: string) => `Inställningarna är sparade. Från ${date} ändras:`,
    change: (label: string, from: string, to: string) => `${label}: ${from} → ${to}`,
    history: "Historik",
    historyNone: "Inga ändringar ännu.",
    changedAt: "Ändrad",
    changedBy: "Av",
    whatChanged: "Vad som ändrades",
    nothingChanged: "Inget (samma som det som gällde)",
    replaced: "Ersattes innan den började gälla",
    standard: (value: string) => `Standard: ${value}.`,
    range,
    emptyMeans: (value: string) => `Tomt: ${value}.`,
    routing: {
      label: "Dirigering",
      meaning:
        "Vilken enhet som tar emot vilka slags ärenden i vilken ålder. Undantagen prövas före den nationella tabellen, det första som passar gäller. Ett barns ärende (under 18 år) går alltid till Mottag barn, och ett ärende om ekonomiskt bistånd dirigeras aldrig om.",
      none: "Inga undantag: den nationella tabellen gäller",
      rule: (n: number) => `Undantag ${n}`,
      add: "Lägg till undantag",
      remove: (n: number) => `Ta bort undantag ${n}`,
      max: (n: number) => `Högst ${n} undantag.`,
      unit: "Enhet",
      chooseUnit: "Välj enhet",
      kinds: "Slag av ärende",
      kindsHint: "Inget valt: alla slag.",
      minAge: "Från ålder",
      maxAge: "Till och med ålder",
      ageHint: (min: number, max: number, adult: number) =>
        `Tomt: ingen gräns. ${min}–${max} år; från ${adult} år för en annan enhet än Mottag barn.`,
      allKinds: "alla slag",
      allAges: "alla åldrar",
      ages: (min: number | undefined, max: number | undefined) =>
        min !== undefined && max !== undefined
          ? `${min}–${max} år`
          : min !== undefined
            ? `från ${min} år`
            : `till och med ${max} år`,
    },
    firstOffenceConversationHours: {
      label: "Samtal efter första brott (timmar)",
      meaning:
        "Inom hur många timmar efter polisens anmälan om ett första brott kommunen erbjuder den unga ett samtal. En lokal överenskommelse, ingen lag.",
      empty: "kommunen erbjuder inte samtalet, och ingen tidsfrist sätts",
      none: "Erbjuds inte",
      value: (n: number) => `${plural(n, "timme", "timmar")}`,
    },
    releaseNoticeLeadMonths: {
      label: "Framförhållning vid frigivning (månader)",
      meaning:
        "Hur många kalendermånader före frigivningen Kriminalvården ska underrätta kommunen, så som kommunen kommit överens med Kriminalvården (en lokal överenskommelse, ingen lag). En underrättelse som kommer senare räknas som sen.",
      value: (n: number) => `${plural(n, "månad", "månader")}`,
    },
    adultInvestigationTargetDays: {
      label: "Mål för utredning om vuxen (dagar)",
      meaning:
        "Hur många dagar kommunen siktar på att en utredning om en vuxen tar. Ett mål, aldrig en lagstadgad tidsfrist: lagen säger att en utredning ska inledas utan dröjsmål men sätter ingen tid för vuxna.",
      empty: "inget mål",
      none: "Inget mål",
      value: (n: number) => `${plural(n, "dag", "dagar")}`,
    },
    acknowledgeMinutes: {
      label: "Jouren: kvittera triagering (minuter)",
      meaning:
        "Ett besvarat samtal i avhoppartelefonen vars triagering inte har kvitterats så här många minuter efter att den öppnades går till chefen. En lokal överenskommelse, ingen lag.",
      value: (n: number) => `${plural(n, "minut", "minuter")}`,
    },
    escalateMinutes: {
      label: "Jouren: obesvarat samtal till chefen (minuter)",
      meaning:
        "En uppringare som inte fick svar och väntar på att bli uppringd går till chefen så här många minuter efter samtalet. En lokal överenskommelse, ingen lag.",
      value: (n: number) => `${plural(n, "minut", "minuter")}`,
    },
    suppressionThreshold: {
      label: "Röjandekontroll i kommunens egna rapporter",
      meaning: (national: number) =>
        `Antal som är mindre än detta visas inte i kommunens egna rapporter, så att ingen person kan pekas ut. Aldrig under den nationella gränsen (${national}).`,
      value: (n: number) => `färre än ${n} visas inte`,
    },
    problem: {
      notBeforeToday: (today: string) => `måste vara i dag (${today}) eller senare`,
      atLeastNational: (n: number) => `måste vara minst ${n}, aldrig under den nationella gränsen`,
      adultOnly: (n: number) =>
        `måste vara minst ${n} för en annan enhet än Mottag barn: ett barns ärende går alltid till Mottag barn`,
      atLeastMinAge: "måste vara minst lika med Från ålder",
      atMostItems: (n: number) => `får vara högst ${n}`,
    },
  },
};
