import { localeSwitchEndpoint } from "@/lib/auth/locale-switch";

export const POST = localeSwitchEndpoint;
