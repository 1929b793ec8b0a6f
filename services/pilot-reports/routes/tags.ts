/** The OpenAPI tag of every pilot-reports route. */
export const tags = ["pilot-reports"];
