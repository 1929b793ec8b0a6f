import { MUNICIPALITY_DATA } from "./data";

export interface Municipality {
  /** SCB kommunkod: four digits, the first two being the county code. */
  readonly code: string;
  /** Short name, as people say it: "Kalmar", not "Kalmar kommun". */
  readonly name: string;
  readonly countyCode: string;
  /** The county's full name, e.g. "Kalmar län". */
  readonly countyName: string;
}

/** All 290 municipalities, sorted by code. Frozen so no caller can change the register for others. */
export const MUNICIPALITIES: readonly Municipality[] = Object.freeze(
  MUNICIPALITY_DATA.map((m) => Object.freeze({ ...m })),
);

const byCode: ReadonlyMap<string, Municipality> = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

/** True only for a code in the register: four digits alone (e.g. 0000, 9999) are not enough. */
export function isKommunkod(code: string): boolean {
  return byCode.has(code);
}

/** Borås, Håbo, Kalmar, Sundsvall, Strängnäs and Uppsala: the municipalities in the pilot. */
export const PILOT_MUNICIPALITIES = ["1490", "0305", "0880", "2281", "0486", "0380"] as const;
export type PilotMunicipalityCode = (typeof PILOT_MUNICIPALITIES)[number];
