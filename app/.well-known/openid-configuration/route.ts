import { metadataEndpoint } from "@/lib/oauth/metadata";

export const GET = metadataEndpoint;
