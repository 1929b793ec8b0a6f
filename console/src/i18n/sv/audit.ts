/** The audit trail page, for whoever holds audit:read. */
import { plural } from "../plural";

export const auditTrail = {
  auditTrail: {
    title: "Granskning",
    lead: "Vem som läste eller ändrade vad och när. Välj en post; avgränsa gärna till en person och en period.",
    filters: "Sök i granskningsloggen",
    source: "Register",
    sources: {
      referrals: "Ärenden i Mottag",
      releaseNotices: "Underrättelser inför frigivning",
      triages: "Avhoppartelefonen: triageringar",
      schedules: "Avhoppartelefonen: jourschema",
      tasks: "Uppgifter",
    },
    records: {
      referral: "Ärendets id",
      notice: "Underrättelsens id (Kriminalvårdens)",
      triage: "Triageringens id",
      schedule: "Kommunkod (fyra siffror)",
      task: "Uppgiftens id",
    },
    actor: "Person (användar-id, frivilligt)",
    from: "Från och med (frivilligt)",
    to: "Till och med (frivilligt)",
    show: "Visa",
    ask: "Ange vilken post du vill granska.",
    caption: (n: number, record: string) =>
      `${plural(n, "händelse", "händelser")} för ${record}, äldst först`,
    none: "Inga händelser matchar sökningen.",
    download: "Ladda ner som CSV",
    columns: {
      at: "Tidpunkt",
      actor: "Person",
      what: "Vad",
      action: "Åtgärd (kod)",
      record: "Post",
      correlationId: "Referens",
    },
    /** What a release notice's audit row records, in words (console/src/audit/release-words.ts). */
    releaseActions: {
      create: "Underrättelsen togs emot från Kriminalvården",
      update: "Kriminalvården ändrade underrättelsen",
      withdraw: "Kriminalvården återkallade underrättelsen",
      read: "Underrättelsen lästes med personuppgifter",
      list: "Underrättelsen visades i en lista",
      "read-status": "Kriminalvården läste statusen",
      milestone: (milestone: string) => `Planering registrerades: ${milestone}`,
    },
    /** What a hotline audit row records, in words (console/src/audit/hotline-words.ts). */
    hotlineActions: {
      read: "Triageringen lästes med uppringarens nummer",
      list: "Triageringen visades på jourtavlan",
      step: (step: string, status: string) => `Steg registrerades: ${step} – ${status}`,
      acknowledge: "Triageringen togs",
      complete: "Triageringen avslutades",
      "schedule:put": "Jourschemat sparades",
    },
    /** What a task's audit row records, in words (console/src/audit/task-words.ts). */
    taskActions: {
      "task-done": "Uppgiften markerades som klar",
    },
    other: (action: string) => `Händelse: ${action}`,
  },
};
