import { type Catalogue, sv } from "./sv";

export type { Catalogue };

/** The console's texts. One language today; a second is one more catalogue and a choice here. */
export const t: Catalogue = sv;
