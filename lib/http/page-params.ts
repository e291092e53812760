import { z } from "zod";

/** The one page-parameter schema of the console API's list routes (`?search=&page=`). */
export const pageParamsSchema = z.object({
  search: z.string().max(128).optional(),
  page: z.coerce.number().int().min(1).max(100000).optional(),
});

/** The same parameters read leniently from a console page's search params (bad values = defaults). */
export function readPageParams(sp: { search?: string; page?: string }): { search?: string; page: number } {
  return {
    search: sp.search?.slice(0, 128) || undefined,
    page: Math.min(1_000_000, Math.max(1, Math.floor(Number(sp.page)) || 1)),
  };
}
