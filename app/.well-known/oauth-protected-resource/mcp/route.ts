import { mcpResourceMetadataEndpoint } from "@/lib/oauth/protected-resource-metadata";

export const GET = mcpResourceMetadataEndpoint;
