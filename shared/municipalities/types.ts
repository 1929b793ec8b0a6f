/** One municipality of the register; its own module so that the generated data imports no index. */
export interface Municipality {
  /** SCB kommunkod: four digits, the first two being the county code. */
  readonly code: string;
  /** Short name, as people say it: "Kalmar", not "Kalmar kommun". */
  readonly name: string;
  readonly countyCode: string;
  /** The county's full name, e.g. "Kalmar län". */
  readonly countyName: string;
}
