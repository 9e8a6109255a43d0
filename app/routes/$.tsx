// Any address no other route claims is a real 404 page, rendered by the root error boundary.
import { notFound } from "~/http/not-found";
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
