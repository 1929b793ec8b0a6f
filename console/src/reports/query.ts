/** The report's choice in the route, and the API's query for it; pure. */
import { PILOT_MUNICIPALITIES } from "../../../shared/municipalities";

export interface ReportChoice {
  /** "pilot", or kommunkoder. */
  readonly municipalities: "pilot" | readonly string[];
  readonly from: string;
  readonly to: string;
}

export const PILOT = PILOT_MUNICIPALITIES;

/** The last full month and the five before it, in Swedish time as the API counts months. */
export const defaultMonths = (now: Date): { from: string; to: string } => {
  const [year, month] = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  const at = (back: number) => {
    const d = new Date(Date.UTC(year, month - 1 - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  };
  return { from: at(6), to: at(1) };
};

export const readChoice = (query: URLSearchParams, now: Date, own: string | undefined): ReportChoice => {
  const months = defaultMonths(now);
  const asked = query.get("kommuner");
  const municipalities = own
    ? [own]
    : !asked || asked === "pilot"
      ? "pilot"
      : asked.split(",").filter(Boolean);
  return { municipalities, from: query.get("fran") ?? months.from, to: query.get("till") ?? months.to };
};

export const choiceToQuery = (choice: ReportChoice): URLSearchParams =>
  new URLSearchParams({
    kommuner: choice.municipalities === "pilot" ? "pilot" : choice.municipalities.join(","),
    fran: choice.from,
    till: choice.to,
  });

export const reportQuery = (choice: ReportChoice) => ({
  municipality: choice.municipalities === "pilot" ? "pilot" : choice.municipalities.join(","),
  from: choice.from,
  to: choice.to,
});
