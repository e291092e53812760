import { useTranslations } from "next-intl";

/** A plain GET form: works without JavaScript, keeps the search in the URL. */
export function SearchBox({
  placeholder,
  defaultValue,
  name = "search",
}: {
  placeholder: string;
  defaultValue?: string;
  name?: string;
}) {
  const t = useTranslations("console.search");
  return (
    <form role="search" className="flex w-full max-w-md gap-2">
      <input
        type="search"
        name={name}
        aria-label={placeholder}
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={128}
        className="h-8 flex-1 rounded-sm border border-gray-300 bg-white px-2 outline-none focus:border-link"
      />
      <button
        type="submit"
        className="h-8 rounded-sm border border-gray-300 bg-white px-3 hover:border-link hover:text-link"
      >
        {t("submit")}
      </button>
    </form>
  );
}
