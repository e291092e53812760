"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <h1 className="mb-2 text-xl font-semibold">Something went wrong</h1>
      <p className="mb-6 text-gray-600">
        The console could not load this page. If the database is restarting, this resolves itself in a few seconds.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-sm bg-brand-600 px-4 py-1.5 text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </main>
  );
}
