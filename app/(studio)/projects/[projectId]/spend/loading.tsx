// The project's spend page has the team spend page's layout: one skeleton for both.
export { default } from "@/app/(studio)/spend/loading";
