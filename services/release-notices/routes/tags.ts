/** The OpenAPI tag of every release-notices route. */
export const tags = ["release-notices"];
