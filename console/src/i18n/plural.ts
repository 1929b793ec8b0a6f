/** "1 dag", "2 dagar": Swedish has one singular and one plural form. */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
