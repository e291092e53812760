import { namedPrincipalRoutes } from "@/lib/api/named-routes";

const routes = namedPrincipalRoutes("role");
export const GET = routes.GET;
export const DELETE = routes.DELETE;
