import { redirect } from "next/navigation";

export default function OAuthPage() {
  redirect("/integrations/oauth/third-party-apps");
}
