import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <h1 className="mb-2 text-xl font-semibold">Not found</h1>
      <p className="mb-6 text-gray-600">This page does not exist, or it belongs to an account you cannot see.</p>
      <Link className="link" href="/">
        Back to the console
      </Link>
    </main>
  );
}
