import { apiResourceMetadataEndpoint } from "@/lib/oauth/protected-resource-metadata";

export const GET = apiResourceMetadataEndpoint;
