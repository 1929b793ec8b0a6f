/** esbuild bundles the stylesheet that main.tsx imports; it exports nothing. */
declare module "*.css";
